import type { CatalogEntry } from './catalog.js';
import type { PackageCode } from './codes.js';

/** Package structure: archive, sizes, app.json, pages, navigation. */
export const PACKAGE_ENTRIES: Readonly<Record<PackageCode, CatalogEntry>> = {
  PACKAGE_INVALID: {
    code: 'PACKAGE_INVALID',
    severity: 'error',
    message: { zh: '代码包无法读取或不安全：{reason}', en: 'The package is unreadable or unsafe: {reason}' },
    hint: {
      zh: '请用常规 zip 工具重新打包项目目录，不要包含符号链接、加密条目或指向目录之外的路径。',
      en: 'Zip the project folder again with an ordinary zip tool, without symbolic links, encryption or paths leaving the folder.',
    },
    source: 'minirelease: safe archive reading (path traversal, links, zip bombs, entry and size limits)',
  },
  PACKAGE_TOO_LARGE: {
    code: 'PACKAGE_TOO_LARGE',
    severity: 'error',
    message: {
      zh: '{part}大小为 {size}，超过 {limit} 的上限',
      en: 'The {part} is {size}, over the limit of {limit}',
    },
    hint: {
      zh: '移除未使用的图片和依赖，把图片放到 CDN，或把非首屏页面拆到分包（app.json 的 subPackages）。',
      en: 'Remove unused images and dependencies, serve images from a CDN, or move pages to subpackages (subPackages in app.json).',
    },
    source: 'Alipay and WeChat package limits: main package ≤ 2 MB, all packages ≤ 8 MB',
  },
  APP_JSON_MISSING: {
    code: 'APP_JSON_MISSING',
    severity: 'error',
    message: { zh: '代码包根目录没有 app.json', en: 'There is no app.json at the root of the package' },
    hint: {
      zh: '在项目根目录添加 app.json 并声明 pages；打包时请压缩项目目录本身的内容。',
      en: 'Add app.json declaring pages at the project root, and zip the contents of the project folder.',
    },
    source: 'Alipay and WeChat: app.json is the global configuration every mini-program must have',
  },
  APP_JSON_INVALID: {
    code: 'APP_JSON_INVALID',
    severity: 'error',
    message: { zh: 'app.json 无效：{reason}', en: 'app.json is invalid: {reason}' },
    hint: {
      zh: 'app.json 须是合法 JSON 对象，pages 为非空的页面路径字符串数组，例如 ["pages/index/index"]。',
      en: 'app.json must be a JSON object whose pages is a non-empty array of page paths, e.g. ["pages/index/index"].',
    },
    source:
      'Alipay and WeChat: app.json pages declares the pages of the mini-program, the first being the entry',
  },
  PAGE_MISSING: {
    code: 'PAGE_MISSING',
    severity: 'error',
    message: { zh: '页面 {page} 缺少文件：{missing}', en: 'Page {page} lacks its files: {missing}' },
    hint: {
      zh: '每个声明的页面都需要模板（.axml 或 .wxml）和脚本（.js 或 .ts）；请补齐文件或从 app.json 中删除该页面。',
      en: 'Every declared page needs a template (.axml or .wxml) and a script (.js or .ts); add them or remove the page from app.json.',
    },
    source:
      'Alipay and WeChat: a page is the set of files sharing its path (template, script, style, config)',
  },
  NAVIGATE_TARGET_MISSING: {
    code: 'NAVIGATE_TARGET_MISSING',
    severity: 'error',
    message: {
      zh: '跳转的页面 {target} 未在 app.json 中声明（url：{url}）',
      en: 'The navigation target {target} is not a page declared in app.json (url: {url})',
    },
    hint: {
      zh: '请在 app.json 的 pages 或分包中声明该页面，或修正跳转路径：以 / 开头的路径从根目录算起，其余相对当前页面所在目录。',
      en: 'Declare the page in app.json (pages or a subpackage), or fix the path: a leading / starts at the root, anything else is relative to the current page’s folder.',
    },
    source:
      'Alipay and WeChat: navigating to an undeclared page fails; reviewers reject flows that lead nowhere',
  },
};
