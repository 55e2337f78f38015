import type { GlobalToken } from 'antd';
import type { CSSProperties } from 'react';

export interface LiveTableStyles {
  /** every row's height: fixed, so the rows out of view are never measured */
  rowHeight: number;
  scroller: CSSProperties;
  table: CSSProperties;
  header: CSSProperties;
  arrows: CSSProperties;
  arrowOn: CSSProperties;
  row: CSSProperties;
  focusedRow: CSSProperties;
  cell: CSSProperties;
  empty: CSSProperties;
}

/** A live table's look from the theme's tokens (light or dark), as antd's small table draws it. */
export function liveTableStyles(token: GlobalToken): LiveTableStyles {
  // a small control (the agents' cap and presence) plus the cell's padding and its border
  const rowHeight = token.controlHeightSM + 2 * token.paddingXS + token.lineWidth;
  const border = `${token.lineWidth}px ${token.lineType} ${token.colorBorderSecondary}`;
  return {
    rowHeight,
    scroller: { overflow: 'auto', border, borderRadius: token.borderRadiusLG, background: token.colorBgContainer },
    table: { width: 'max-content', minWidth: '100%', borderCollapse: 'separate', borderSpacing: 0, fontSize: token.fontSize, color: token.colorText },
    header: {
      position: 'sticky',
      top: 0,
      zIndex: 1,
      height: rowHeight,
      padding: `0 ${token.paddingXS}px`,
      textAlign: 'start',
      whiteSpace: 'nowrap',
      fontWeight: token.fontWeightStrong,
      color: token.colorTextHeading,
      borderBottom: border,
      // the header's tint over an opaque ground: the rows scroll under it unseen
      background: `linear-gradient(${token.colorFillAlter}, ${token.colorFillAlter}), ${token.colorBgContainer}`,
    },
    arrows: { display: 'inline-flex', flexDirection: 'column', marginInlineStart: token.marginXXS, fontSize: token.fontSizeSM * 0.6, lineHeight: 1, color: token.colorTextQuaternary, verticalAlign: 'middle' },
    arrowOn: { color: token.colorPrimary },
    row: { height: rowHeight },
    focusedRow: { height: rowHeight, background: token.controlItemBgActive },
    cell: { padding: `0 ${token.paddingXS}px`, whiteSpace: 'nowrap', borderBottom: border },
    empty: { padding: token.padding, textAlign: 'center', color: token.colorTextDescription },
  };
}
