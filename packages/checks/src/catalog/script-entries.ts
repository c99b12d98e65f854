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
  NPM_NOT_BUILT: {
    code: 'NPM_NOT_BUILT',
    severity: 'error',
    message: {
      zh: '{file} 引用了 npm 包 {module}，但小程序包中没有它（无 miniprogram_npm 或 node_modules 目录）',
      en: '{file} imports the npm package {module}, which the package does not contain (no miniprogram_npm or node_modules entry)',
    },
    hint: {
      zh: '在开发者工具中执行“构建 npm”，确认生成了 miniprogram_npm 目录后重新上传。',
      en: 'Run "Build npm" in the IDE, check that miniprogram_npm was created, and upload again.',
    },
    source:
      'WeChat and Alipay load npm packages only from the built miniprogram_npm/node_modules folder: without it the page fails to load',
  },
  PRIVACY_DECLARATION_MISSING: {
    code: 'PRIVACY_DECLARATION_MISSING',
    severity: 'error',
    message: {
      zh: '小程序调用了 {apis}，但{missing}',
      en: 'The app calls {apis}, but {missing}',
    },
    hint: {
      zh: '微信：在 app.json 的 requiredPrivateInfos 中列出用到的位置接口（如 "requiredPrivateInfos": ["getLocation"]），并在公众平台填写《用户隐私保护指引》、在 app.json 设置 "__usePrivacyCheck__": true 接入隐私授权。支付宝：在开放平台配置隐私政策，并把它作为“隐私政策”资质登记到应用（编号填隐私政策地址）。',
      en: 'WeChat: list the location APIs used in app.json\'s requiredPrivateInfos (e.g. "requiredPrivateInfos": ["getLocation"]), fill in the privacy guide (用户隐私保护指引) in the console and set "__usePrivacyCheck__": true in app.json. Alipay: set the privacy policy in the open platform and register it on the app as the 隐私政策 qualification (its number the policy\'s URL).',
    },
    source:
      'WeChat: requiredPrivateInfos (2022-07) and the privacy guide (2023-09) for user-info, phone and location APIs; Alipay: a privacy policy before reading user data',
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
