/**
 * Simplified Chinese, the default language. Every visible string lives here and in en.ts;
 * the en file is typed against this one, so a key missing in either fails type-checking.
 */
export const zhCN = {
  product: {
    line: 'Seatdesk 坐席工作台',
  },
  window: {
    workstation: '工作台',
    chat: '会话',
    monitor: '班组监控',
    history: '历史记录',
    settings: '设置',
  },
  boot: {
    connecting: '正在连接工作台核心…',
    loading: '正在加载…',
    loadFailed: '无法加载工作台',
    retry: '重试',
  },
  link: {
    down: '与工作台核心的连接已断开，正在重新连接…',
  },
  sync: {
    online: '在线',
    syncing: '同步中',
    connecting: '连接中',
    offline: '离线',
    signed_out: '未登录',
    lastError: '最近的错误：{{error}}',
  },
  role: {
    agent: '坐席',
    lead: '组长',
    admin: '管理员',
  },
  language: {
    label: '界面语言',
  },
  theme: {
    light: '浅色',
    dark: '深色',
    system: '跟随系统',
    toDark: '切换到深色主题',
    toLight: '切换到浅色主题',
  },
  login: {
    subtitle: '登录后开始接待',
    server: '服务器地址',
    username: '用户名',
    password: '密码',
    submit: '登录',
    serverRequired: '请输入服务器地址',
    serverInvalid: '请输入以 http:// 或 https:// 开头的地址',
    usernameRequired: '请输入用户名',
    passwordRequired: '请输入密码',
    wrongCredentials: '用户名或密码错误',
    throttled: '登录尝试次数过多，请稍后再试',
  },
  header: {
    openHistory: '历史记录',
    openSettings: '设置',
    openMonitor: '班组监控',
    logout: '退出登录',
  },
  workstation: {
    presence: '在线状态',
    presenceUnavailable: '暂不可用',
    queues: '队列',
    queuesEmpty: '暂无排队的会话',
    myConversations: '我的会话',
    myConversationsEmpty: '还没有会话',
    noActiveChats: '暂无进行中的会话',
    keyboardHint: '会话接入后显示在这里。Alt+↑ / Alt+↓ 切换会话，Enter 发送，Shift+Enter 换行。',
    customer: '客户信息',
    customerEmpty: '选择会话后在这里查看客户信息',
  },
  chat: {
    title: '会话 {{id}}',
    empty: '此会话还没有消息',
  },
  monitor: {
    empty: '暂无监控数据',
    forbidden: '仅组长和管理员可以查看班组监控',
  },
  history: {
    empty: '暂无历史会话',
  },
  settings: {
    serverUrl: '服务器地址',
    language: '界面语言',
    theme: '主题',
    sounds: '提示音',
    notifications: '桌面通知',
    fontSize: '字号',
    save: '保存',
    revert: '还原',
    saved: '设置已保存',
    fieldInvalid: '该值无效',
    fontSizeRange: '字号应在 12 到 20 之间',
  },
  errors: {
    invalid_args: '输入有误，请检查',
    unknown_method: '工作台核心不支持此操作',
    unauthenticated: '请重新登录',
    forbidden: '没有权限执行此操作',
    not_found: '找不到请求的内容',
    conflict: '操作冲突，请重试',
    offline: '无法连接服务器',
    too_large: '内容过大',
    cancelled: '操作已取消',
    disconnected: '与工作台核心的连接已断开',
    internal: '出现内部错误，请稍后重试',
  },
} as const;

/** The shape every language must have: the same keys, any text. */
export type Messages = Widen<typeof zhCN>;

type Widen<T> = { readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
