// 书目数据随包发布，首屏不发任何网络请求。价格以分为单位，展示时再换算成元。
const books = [
  {
    id: 'hongloumeng',
    title: '红楼梦',
    author: '曹雪芹',
    price: 4500,
    color: '#a23b3b',
    intro: '以贾、史、王、薛四大家族的兴衰为背景，写尽大观园里的悲欢离合。',
  },
  {
    id: 'xiyouji',
    title: '西游记',
    author: '吴承恩',
    price: 3980,
    color: '#c88a2e',
    intro: '唐僧师徒四人西行取经，一路降妖除魔，历经九九八十一难。',
  },
  {
    id: 'nahan',
    title: '呐喊',
    author: '鲁迅',
    price: 2200,
    color: '#3d4f6b',
    intro: '收录《狂人日记》《孔乙己》《故乡》等名篇，是中国现代小说的开端。',
  },
  {
    id: 'biancheng',
    title: '边城',
    author: '沈从文',
    price: 1850,
    color: '#2f6b4f',
    intro: '湘西茶峒的渡船边，翠翠与祖父相依为命，一段清澈而忧伤的故事。',
  },
  {
    id: 'luotuoxiangzi',
    title: '骆驼祥子',
    author: '老舍',
    price: 2600,
    color: '#7a5a3a',
    intro: '北平车夫祥子三起三落的一生，写出旧时代小人物的挣扎与命运。',
  },
];

function formatPrice(cents) {
  return (cents / 100).toFixed(2);
}

function findBook(id) {
  for (let i = 0; i < books.length; i += 1) {
    if (books[i].id === id) return books[i];
  }
  return null;
}

module.exports = { books, formatPrice, findBook };
