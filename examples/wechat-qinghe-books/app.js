App({
  globalData: {
    // 书单只存在本次打开期间；加入书单不需要登录或任何授权。
    readingList: [],
  },
  onLaunch() {},
});
