/**
 * The platform APIs the script rules look for, as data. Keys are `namespace.api`: `my` is Alipay's global,
 * `wx` WeChat's. Tune here, not in the rules.
 */

export const API_NAMESPACES = ['my', 'wx'] as const;
export type ApiNamespace = (typeof API_NAMESPACES)[number];

/** Page navigation whose `url` must name a declared page (`navigateBack` has none). */
export const NAVIGATE_APIS: ReadonlySet<string> = new Set(
  ['navigateTo', 'redirectTo', 'reLaunch', 'switchTab'].flatMap((api) => [`my.${api}`, `wx.${api}`]),
);

/** Network APIs whose `url` must be https:// (wss:// for sockets). `my.httpRequest` is Alipay's older name. */
export const REQUEST_APIS: ReadonlySet<string> = new Set([
  'my.request',
  'my.httpRequest',
  'my.downloadFile',
  'my.uploadFile',
  'my.connectSocket',
  'wx.request',
  'wx.downloadFile',
  'wx.uploadFile',
  'wx.connectSocket',
]);

/**
 * How an API asks the user: `popup` always shows an authorization dialog the first time; `user-scope` only
 * when its `scopes` ask for more than `auth_base` (Alipay's silent login; no `scopes` means `auth_base`).
 * Pickers that need no permission (`chooseLocation`, `chooseImage`) are left out: they are screens the user
 * can cancel, not authorization prompts.
 */
export type AuthKind = 'popup' | 'user-scope';

export const AUTH_APIS: ReadonlyMap<string, AuthKind> = new Map<string, AuthKind>([
  ['my.getAuthCode', 'user-scope'],
  ['my.getOpenUserInfo', 'popup'],
  ['my.getUserInfo', 'popup'],
  ['my.getPhoneNumber', 'popup'],
  ['my.getLocation', 'popup'],
  ['my.getAddress', 'popup'],
  ['wx.getUserProfile', 'popup'],
  ['wx.getUserInfo', 'popup'],
  ['wx.authorize', 'popup'],
  ['wx.getLocation', 'popup'],
  ['wx.getFuzzyLocation', 'popup'],
  ['wx.startLocationUpdate', 'popup'],
  ['wx.startLocationUpdateBackground', 'popup'],
  ['wx.chooseAddress', 'popup'],
  ['wx.chooseInvoiceTitle', 'popup'],
  ['wx.getWeRunData', 'popup'],
  ['wx.getPhoneNumber', 'popup'],
]);

/** Alipay scopes that log in silently, without a dialog. */
export const SILENT_SCOPES: ReadonlySet<string> = new Set(['auth_base']);

/**
 * Calls whose callbacks run only after reading the user's existing authorizations: an authorization API
 * inside them is the documented "already granted?" pattern and shows no dialog.
 */
export const AUTH_GUARD_APIS: ReadonlySet<string> = new Set(['my.getSetting', 'wx.getSetting']);

/** Calls that mean the app logs its users in (any scope: even a silent login ties data to an account). */
export const LOGIN_APIS: ReadonlySet<string> = new Set([
  'my.getAuthCode',
  'my.getPhoneNumber',
  'wx.login',
  'wx.getPhoneNumber',
  'wx.pluginLogin',
]);

/**
 * `<button open-type="…">` values that get the user's phone number: a login screen. Alipay's
 * `open-type="getAuthorize"` counts only with `scope="phoneNumber"` (with `userInfo` it reads a profile).
 */
export const LOGIN_OPEN_TYPES: ReadonlySet<string> = new Set(['getPhoneNumber', 'getRealtimePhoneNumber']);

/** Page paths that are a login screen: `pages/login/login`, `user/signin`, `登录`. */
export const LOGIN_PAGE = /login|signin|sign-in|sign_in|登录/i;

export const DEBUG_SWITCH_APIS: ReadonlySet<string> = new Set(['my.setEnableDebug', 'wx.setEnableDebug']);

/**
 * WeChat's `requiredPrivateInfos` (app.json, since 2022-07): the location APIs an app may call only when the
 * field lists them by name; the IDE refuses to upload otherwise and review rejects. The value is the name
 * the field takes.
 */
export const REQUIRED_PRIVATE_INFOS: ReadonlyMap<string, string> = new Map(
  [
    'getLocation',
    'getFuzzyLocation',
    'onLocationChange',
    'startLocationUpdate',
    'startLocationUpdateBackground',
    'chooseLocation',
    'choosePoi',
    'chooseAddress',
  ].map((api) => [`wx.${api}`, api]),
);

/**
 * APIs that read the user's information, phone number or location: both platforms ask for a privacy
 * declaration before them (WeChat's 用户隐私保护指引, Alipay's 隐私政策). `my.getAuthCode` counts only with a
 * scope beyond `auth_base`, as in AUTH_APIS.
 */
export const PRIVACY_APIS: ReadonlySet<string> = new Set([
  'my.getAuthCode',
  'my.getOpenUserInfo',
  'my.getUserInfo',
  'my.getPhoneNumber',
  'my.getLocation',
  'my.chooseLocation',
  'my.getAddress',
  'wx.getUserProfile',
  'wx.getUserInfo',
  'wx.getPhoneNumber',
  ...REQUIRED_PRIVATE_INFOS.keys(),
]);

/** `<button open-type="…">` values that read the user's profile or phone number (WeChat). */
export const PRIVACY_OPEN_TYPES: ReadonlySet<string> = new Set([
  'getPhoneNumber',
  'getRealtimePhoneNumber',
  'getUserInfo',
]);

/** Alipay's `<button open-type="getAuthorize" scope="…">` scopes that read the user's data. */
export const PRIVACY_AUTHORIZE_SCOPES: ReadonlySet<string> = new Set(['phoneNumber', 'userInfo']);

/**
 * WeChat's privacy flow in the app's own code: the package then handles the privacy guide's consent
 * (`wx.onNeedPrivacyAuthorization`, `wx.requirePrivacyAuthorize`, `<button open-type="agreePrivacyAuthorization">`).
 */
export const PRIVACY_FLOW_APIS: ReadonlySet<string> = new Set([
  'wx.onNeedPrivacyAuthorization',
  'wx.requirePrivacyAuthorize',
  'wx.getPrivacySetting',
]);
