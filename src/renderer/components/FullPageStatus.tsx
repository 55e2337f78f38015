import { Flex, Spin, Typography } from 'antd';

/** A centred spinner with a line of text, for the moments before there is anything to show. */
export function FullPageStatus({ text, testId }: { text: string; testId?: string }) {
  return (
    <Flex data-testid={testId} vertical align="center" justify="center" gap="middle" style={{ minHeight: '100vh' }}>
      <Spin size="large" />
      <Typography.Text type="secondary">{text}</Typography.Text>
    </Flex>
  );
}
