/** Plausible answers of the platform APIs, as a phone would give them on first launch. */
export interface ApiData {
  /** A fresh copy of what the sync API `name` returns, or `undefined` when it is not one of the known ones. */
  sync(name: string): unknown;
  /** A fresh copy of what the async API `name` passes to `success` (without `errMsg`). */
  result(name: string, data: () => unknown): Record<string, unknown>;
  /**
   * API names the global lists when enumerated. Every name answers, but frameworks copy the global by
   * enumerating it (uni-app's `for (key in wx)` builds its `wx` and `uni`), so the usual ones must be listed.
   */
  names: readonly string[];
}

/**
 * The device the sandbox pretends to be: an iPhone on Wi-Fi in Hangzhou, light theme, nothing granted yet.
 *
 * Compiled into the sandbox's context (see `runtime-source.ts`): it names nothing outside itself.
 */
export function apiData(platform: 'my' | 'wx', route: string): ApiData {
  /** APIs a framework's copy of the global needs besides those with data below (docs/checker.md, "Compiled builds"). */
  const COMMON_APIS = [
    'navigateTo',
    'redirectTo',
    'reLaunch',
    'switchTab',
    'navigateBack',
    'showToast',
    'hideToast',
    'showLoading',
    'hideLoading',
    'showModal',
    'showActionSheet',
    'setNavigationBarTitle',
    'setNavigationBarColor',
    'setTabBarBadge',
    'removeTabBarBadge',
    'showTabBar',
    'hideTabBar',
    'pageScrollTo',
    'stopPullDownRefresh',
    'startPullDownRefresh',
    'getStorage',
    'setStorage',
    'removeStorage',
    'clearStorage',
    'getStorageInfo',
    'getStorageSync',
    'setStorageSync',
    'removeStorageSync',
    'clearStorageSync',
    'getStorageInfoSync',
    'connectSocket',
    'onSocketOpen',
    'onSocketMessage',
    'sendSocketMessage',
    'closeSocket',
    'chooseImage',
    'previewImage',
    'getImageInfo',
    'saveImageToPhotosAlbum',
    'chooseLocation',
    'openLocation',
    'makePhoneCall',
    'scanCode',
    'setClipboardData',
    'requestPayment',
    'authorize',
    'openSetting',
    'getUpdateManager',
    'createSelectorQuery',
    'createAnimation',
    'createCanvasContext',
    'createInnerAudioContext',
    'createVideoContext',
    'createMapContext',
    'nextTick',
    'onAppShow',
    'onAppHide',
    'onError',
    'onPageNotFound',
    'onNetworkStatusChange',
    'reportAnalytics',
    'getRealtimeLogManager',
    'getLogManager',
    'requestSubscribeMessage',
    'showShareMenu',
    'hideShareMenu',
    'vibrateShort',
  ];
  const alipay = platform === 'my';
  const systemInfo = () => ({
    brand: 'Apple',
    model: 'iPhone 13',
    system: 'iOS 17.5',
    platform: 'ios',
    version: alipay ? '10.6.0' : '8.0.50',
    SDKVersion: alipay ? '2.9.0' : '3.5.0',
    language: alipay ? 'zh-Hans' : 'zh_CN',
    app: alipay ? 'alipay' : 'wechat',
    pixelRatio: 3,
    screenWidth: 390,
    screenHeight: 844,
    windowWidth: 390,
    windowHeight: 753,
    statusBarHeight: 47,
    titleBarHeight: 44,
    fontSizeSetting: 16,
    safeArea: { left: 0, right: 390, top: 47, bottom: 810, width: 390, height: 763 },
    theme: 'light',
    deviceOrientation: 'portrait',
    benchmarkLevel: 1,
    locationEnabled: true,
    wifiEnabled: true,
    bluetoothEnabled: false,
    enableDebug: false,
    host: { appId: alipay ? '' : 'wx0000000000000000' },
  });
  const location = () => ({
    latitude: 30.27415,
    longitude: 120.15515,
    accuracy: 65,
    horizontalAccuracy: 65,
    verticalAccuracy: 0,
    altitude: 0,
    speed: 0,
    country: '中国',
    province: '浙江省',
    city: '杭州市',
    district: '西湖区',
    cityAdcode: '330100',
    districtAdcode: '330106',
  });
  const launchOptions = () => ({
    path: route,
    query: {},
    scene: 1001,
    referrerInfo: {},
    apiCategory: 'default',
  });
  const sync: Record<string, () => unknown> = {
    getSystemInfoSync: systemInfo,
    getWindowInfo: systemInfo,
    getDeviceInfo: systemInfo,
    getAppBaseInfo: systemInfo,
    getSystemSetting: () => ({ bluetoothEnabled: false, locationEnabled: true, wifiEnabled: true }),
    getAppAuthorizeSetting: () => ({
      locationAuthorized: 'not determined',
      notificationAuthorized: 'not determined',
    }),
    getLaunchOptionsSync: launchOptions,
    getEnterOptionsSync: launchOptions,
    getAccountInfoSync: () => ({
      miniProgram: {
        appId: alipay ? '2021000000000000' : 'wx0000000000000000',
        envVersion: 'release',
        version: '',
      },
      plugin: {},
    }),
    getMenuButtonBoundingClientRect: () => ({
      width: 87,
      height: 32,
      top: 51,
      right: 383,
      bottom: 83,
      left: 296,
    }),
    getNetworkTypeSync: () => ({ networkType: 'wifi', networkAvailable: true }),
    getBatteryInfoSync: () => ({ level: 100, isCharging: false }),
    canIUse: () => true,
    arrayBufferToBase64: () => '',
    base64ToArrayBuffer: () => new ArrayBuffer(0),
  };
  const results: Record<string, (data: () => unknown) => Record<string, unknown>> = {
    getSystemInfo: systemInfo,
    getSystemInfoAsync: systemInfo,
    getLocation: location,
    getFuzzyLocation: location,
    getNetworkType: () => ({ networkType: 'wifi', networkAvailable: true }),
    getBatteryInfo: () => ({ level: 100, isCharging: false }),
    getAuthCode: () => ({
      authCode: 'sandbox-auth-code',
      authSuccessScopes: ['auth_base'],
      authErrorScopes: {},
    }),
    login: () => ({ code: 'sandbox-login-code' }),
    checkSession: () => ({}),
    getSetting: () => ({ authSetting: {}, subscriptionsSetting: { mainSwitch: true } }),
    getClipboardData: () => ({ data: '', text: '' }),
  };
  const profile = () => ({
    userInfo: { nickName: '', avatarUrl: '', gender: 0, country: '', province: '', city: '' },
    rawData: '{}',
    signature: '',
    encryptedData: '',
    iv: '',
    response: '{"response":{}}',
  });
  for (const name of ['getUserInfo', 'getUserProfile', 'getOpenUserInfo']) results[name] = profile;
  const network = (data: () => unknown) => ({
    data: data(),
    statusCode: 200,
    status: 200,
    header: {},
    headers: {},
    tempFilePath: 'https://sandbox.invalid/tmp',
    filePath: 'https://sandbox.invalid/tmp',
    result: data(),
  });
  for (const name of [
    'request',
    'httpRequest',
    'uploadFile',
    'downloadFile',
    'callFunction',
    'callContainer',
  ]) {
    results[name] = network;
  }
  return {
    sync: (name) => (Object.hasOwn(sync, name) ? sync[name]!() : undefined),
    result: (name, data) => (Object.hasOwn(results, name) ? results[name]!(data) : {}),
    names: [...new Set([...Object.keys(sync), ...Object.keys(results), ...COMMON_APIS])],
  };
}
