import type { ApiErrorCode } from '@minirelease/sdk';

/** What each refusal means to a person, by its code (the API's own message is shown beside it). */
export const ERROR_TEXT: Record<ApiErrorCode, { zh: string; en: string }> = {
  VALIDATION_FAILED: { zh: '输入不符合要求', en: 'The input is not valid' },
  VERSION_INVALID: { zh: '版本号须为 x.y.z', en: 'A version is x.y.z' },
  UNAUTHENTICATED: {
    zh: '令牌无效或已吊销，请重新登录',
    en: 'The token is unknown or revoked: sign in again',
  },
  FORBIDDEN: { zh: '你没有执行此操作的权限', en: 'You may not do this' },
  NOT_FOUND: { zh: '找不到', en: 'Not found' },
  APP_NOT_FOUND: { zh: '小程序不存在', en: 'No such app' },
  VERSION_NOT_FOUND: { zh: '版本不存在', en: 'No such version' },
  TOKEN_NOT_FOUND: { zh: '令牌不存在', en: 'No such token' },
  MEMBER_NOT_FOUND: { zh: '成员不存在', en: 'No such member' },
  PACKAGE_NOT_FOUND: { zh: '代码包不存在', en: 'No such package' },
  APP_OFFLINE: { zh: '小程序已下线', en: 'The app is offline' },
  APP_NOT_RELEASED: { zh: '小程序尚未发布', en: 'The app has no release yet' },
  APP_EXISTS: { zh: '该 appId 已被使用', en: 'That appId is taken' },
  INVALID_STATUS: { zh: '当前状态不允许此操作', en: 'Not allowed in the current status' },
  VERSION_IN_FLIGHT: { zh: '已有版本在审核或灰度中', en: 'Another version is in review or gray' },
  VERSION_NOT_GREATER: { zh: '版本号须大于线上版本', en: 'The version must be greater than the live one' },
  GRAY_PERCENTAGE_NOT_INCREASING: {
    zh: '灰度比例只能扩大，不能缩小或保持不变',
    en: 'A gray share can only widen, never shrink or stay',
  },
  GRAY_IN_PROGRESS: {
    zh: '灰度进行中，请先取消灰度或全量发布',
    en: 'A gray is running: cancel or publish it first',
  },
  NO_ROLLBACK_TARGET: { zh: '没有可回滚的版本', en: 'There is no version to roll back to' },
  CONFLICT: {
    zh: '数据已被他人修改，请刷新后重试',
    en: 'Changed by someone else meanwhile: reload and retry',
  },
  BODY_TOO_LARGE: { zh: '内容过大', en: 'The body is too large' },
  PACKAGE_TOO_LARGE: {
    zh: '代码包超过上传上限，未保存',
    en: 'The package is over the upload limit; nothing stored',
  },
  PACKAGE_INVALID: {
    zh: '代码包无法安全读取，未保存',
    en: 'The package cannot be read safely; nothing stored',
  },
  PRECHECK_FAILED: { zh: '预审未通过或缺少提审材料', en: 'The pre-review failed or materials are missing' },
  UNSUPPORTED_MEDIA_TYPE: {
    zh: '文件类型不支持（仅 PNG、JPEG、WebP）',
    en: 'Unsupported type (PNG, JPEG, WebP only)',
  },
  RANGE_NOT_SATISFIABLE: { zh: '请求范围无效', en: 'The range cannot be served' },
  UPSTREAM_UNAVAILABLE: { zh: '上游服务不可用', en: 'The upstream is unavailable' },
  TOKEN_EXPIRED: {
    zh: '令牌已过期，请使用新的令牌登录',
    en: 'The token has expired: sign in with a new one',
  },
  QUALIFICATION_NOT_FOUND: { zh: '找不到该资质文件', en: 'No such qualification document' },
  RESOLVER_NOT_READY: {
    zh: '解析服务尚未就绪，请稍后重试',
    en: 'The resolver is not ready yet: try again shortly',
  },
  DATABASE_UNAVAILABLE: {
    zh: '数据库暂不可用，请稍后重试',
    en: 'The database is unavailable: try again shortly',
  },
  SELF_REVIEW: {
    zh: '不能审核自己上传或提交的版本',
    en: 'You may not review a version you uploaded or submitted',
  },
  LAST_ADMIN_TOKEN: { zh: '不能吊销最后一个管理员令牌', en: 'The last admin token cannot be revoked' },
  EVENT_OUT_OF_WINDOW: { zh: '事件时间超出接收窗口', en: 'The event time is outside the accepted window' },
  HOST_KEY_REQUIRED: {
    zh: '上报事件需使用宿主密钥（hk_…），不能使用操作令牌',
    en: 'Events take a host key (hk_…), not an operator token',
  },
  GRAY_PLAN_NOT_FOUND: { zh: '该版本没有灰度计划', en: 'This version has no gray plan' },
  GRAY_PLAN_INVALID_STATE: {
    zh: '灰度计划当前状态不允许此操作',
    en: 'The gray plan is in a state that does not allow this',
  },
  INTERNAL: { zh: '服务器内部错误，已记录', en: 'An internal error; it has been logged' },
  UNREACHABLE: { zh: '无法连接服务器', en: 'Cannot reach the server' },
  BAD_RESPONSE: { zh: '服务器返回了无法识别的内容', en: 'The server answered something unreadable' },
};
