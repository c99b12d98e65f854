const { findBook, formatPrice } = require('../../utils/books.js');

Page({
  data: {
    book: null,
    added: false,
  },
  onLoad(query) {
    const book = findBook(query && query.id);
    if (!book) return;
    const { readingList } = getApp().globalData;
    this.setData({
      book: { ...book, initial: book.title.charAt(0), priceText: formatPrice(book.price) },
      added: readingList.indexOf(book.id) >= 0,
    });
  },
  addToList() {
    const { book } = this.data;
    const { readingList } = getApp().globalData;
    if (book && readingList.indexOf(book.id) < 0) readingList.push(book.id);
    this.setData({ added: true });
    wx.showToast({ title: '已加入书单', icon: 'success' });
  },
  backToShelf() {
    wx.navigateBack();
  },
});
