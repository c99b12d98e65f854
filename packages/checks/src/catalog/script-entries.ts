import type { CatalogEntry } from './catalog.js';
import type { ScriptCode } from './codes.js';

/** Scripts and templates: syntax, first-screen authorization, launch errors, insecure requests, leftovers. */
export const SCRIPT_ENTRIES: Readonly<Record<ScriptCode, CatalogEntry>> = {
  JS_SYNTAX_ERROR: {
    code: 'JS_SYNTAX_ERROR',
    severity: 'error',
    message: {
      zh: '{file} 第 {line} 行有语法错误：{reason}',
      en: '{file} has a syntax error on line {line}: {reason}',
    },
    hint: {
      zh: '请修正语法错误后重新上传。可在开发者工具中编译定位问题；使用 TypeScript 或较新语法时，请确认已开启对应的编译选项。',
      en: 'Fix the syntax error and upload again. Compiling in the IDE shows where it is; with TypeScript or newer syntax, make sure the matching compile option is on.',
    },
    source: 'Alipay and WeChat: a script that does not compile leaves its page blank, which reviewers reject',
  },
  FIRST_SCREEN_AUTH: {
    code: 'FIRST_SCREEN_AUTH',
    severity: 'error',
    message: {
      zh: '打开小程序时未经用户操作就调用了授权接口 {api}（调用路径：{path}）',
      en: '{api} asks for authorization when the app opens, before any user action (via {path})',
    },
    hint: {
      zh: '首屏不要弹出授权框，应在用户点击后（如点击“登录”或“获取位置”按钮）再请求授权；仅需识别用户时请使用静默授权（auth_base）。',
      en: 'Do not show an authorization dialog on the first screen: ask after the user taps (a "log in" or "use my location" button). To identify the user silently, use the auth_base scope.',
    },
    source:
      'Alipay and WeChat review: the app must not ask for user information, phone number or location on launch without the user acting',
  },
  RUNTIME_ERROR_ON_LAUNCH: {
    code: 'RUNTIME_ERROR_ON_LAUNCH',
    severity: 'error',
    message: {
      zh: '小程序启动时出错（{phase}）：{reason}',
      en: 'The app fails when launched, in {phase}: {reason}',
    },
    hint: {
      zh: '在开发者工具中清除缓存后重新编译，按控制台报错修复 App() 与首页脚本：启动时的代码在接口失败、缓存为空或数据尚未返回时也不能抛出异常，Promise 都要处理拒绝，不能有死循环或无休止的计算。检查在沙箱中运行 app.js 与首页（模拟 my/wx 接口，限时限内存）。',
      en: 'Clear the cache and compile again in the IDE, then fix App() and the entry page as the console reports: launch code must not throw when an API fails, storage is empty or data has not arrived yet, every promise needs its rejection handled, and nothing may loop or compute without end. The check runs app.js and the entry page in a sandbox (stubbed my/wx APIs, limited in time and memory).',
    },
    source:
      'Alipay and WeChat review: the main flow has no errors (主流程无报错); an app that crashes, hangs or shows a blank first screen is rejected',
  },
  INSECURE_REQUEST: {
    code: 'INSECURE_REQUEST',
    severity: 'error',
    message: {
      zh: '{api} 使用了不安全的地址：{url}',
      en: '{api} is given an insecure address: {url}',
    },
    hint: {
      zh: '正式版小程序只能访问 HTTPS（WebSocket 为 WSS）地址，且域名须在开放平台配置为服务器域名；请改用 https:// 或 wss:// 并完成域名配置。',
      en: 'A released mini-program may only reach HTTPS (WSS for sockets) addresses on server domains configured in the platform console: use https:// or wss:// and configure the domain.',
    },
    source: 'Alipay and WeChat: network requests must use HTTPS/WSS on whitelisted server domains',
  },
  DEBUG_LEFTOVER: {
    code: 'DEBUG_LEFTOVER',
    severity: 'warning',
    message: { zh: '遗留了调试代码：{what}', en: 'Debugging code left in: {what}' },
    hint: {
      zh: '提交审核前请删除 debugger 语句和 vConsole，关闭调试开关（setEnableDebug、app.json 的 debug）。',
      en: 'Before submitting, remove debugger statements and vConsole, and turn debugging off (setEnableDebug, debug in app.json).',
    },
    source: 'Review feedback: debugging panels and paused scripts are left-over development code',
  },
  PLACEHOLDER_CONTENT: {
    code: 'PLACEHOLDER_CONTENT',
    severity: 'warning',
    message: {
      zh: '页面中有测试或占位内容“{text}”',
      en: 'The page shows test or placeholder content "{text}"',
    },
    hint: {
      zh: '请将测试文字、占位文案（如“测试”“TODO”“lorem ipsum”）替换为正式内容；审核会以“测试类内容”或“功能未完善”驳回。',
      en: 'Replace test text and placeholder copy ("测试", "TODO", "lorem ipsum") with the real content; reviewers reject it as test content or an unfinished feature.',
    },
    source: 'Alipay and WeChat review: test content and unfinished pages are rejected',
  },
};
