import { App as AntApp, ConfigProvider, theme } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useEffect, type ReactNode } from 'react';
import type { Language } from '../../shared/domain/settings';
import { useDarkMode } from './useDarkMode';

export interface ThemeProviderProps {
  language: Language;
  theme: 'light' | 'dark' | 'system';
  fontSize: number;
  children: ReactNode;
}

/** antd's theme, locale and font size from the settings; antd's App gives hooks for message/modal. */
export function ThemeProvider(props: ThemeProviderProps) {
  const dark = useDarkMode(props.theme);
  return (
    <ConfigProvider
      locale={props.language === 'en' ? enUS : zhCN}
      // No space slipped between two Chinese characters ("登录", not "登 录"): the text stays the text.
      button={{ autoInsertSpace: false }}
      theme={{
        algorithm: dark ? theme.darkAlgorithm : theme.defaultAlgorithm,
        token: { fontSize: props.fontSize },
      }}
    >
      <AntApp component={false}>
        <PageColours dark={dark} />
        {props.children}
      </AntApp>
    </ConfigProvider>
  );
}

/** The page behind antd's components follows the theme too (no white flash around dark UI). */
function PageColours({ dark }: { dark: boolean }) {
  const { token } = theme.useToken();
  useEffect(() => {
    const { body, documentElement } = document;
    body.style.backgroundColor = token.colorBgLayout;
    body.style.color = token.colorText;
    body.style.fontFamily = token.fontFamily;
    body.style.fontSize = `${token.fontSize}px`;
    documentElement.style.colorScheme = dark ? 'dark' : 'light';
  }, [dark, token.colorBgLayout, token.colorText, token.fontFamily, token.fontSize]);
  return null;
}
