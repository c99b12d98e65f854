const { books, formatPrice } = require('../../utils/books.js');

Page({
  data: {
    books: [],
  },
  onLoad() {
    this.setData({
      books: books.map((book) => ({
        ...book,
        initial: book.title.charAt(0),
        priceText: formatPrice(book.price),
      })),
    });
  },
  // 只在用户点击书目时跳转到已在 app.json 中声明的详情页。
  openBook(event) {
    const { id } = event.currentTarget.dataset;
    wx.navigateTo({ url: `/pages/detail/detail?id=${id}` });
  },
});
