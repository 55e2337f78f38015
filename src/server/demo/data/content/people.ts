/*
 * Parts for customers: nicknames as people pick them on a lifestyle app, fake addresses (real
 * cities, invented streets and estates), e-mail handles on the reserved example.com domain, and
 * the tags agents put on customers.
 */

export const NICK_ADJECTIVES = [
  '爱吃橘子的', '不吃香菜的', '早睡早起的', '熬夜追剧的', '认真生活的', '想去看海的', '爱爬山的', '会做饭的',
  '喜欢下雨的', '周末露营的', '慢慢变好的', '努力上岸的', '偷偷发光的', '养猫的', '爱喝奶茶的', '戒不掉咖啡的',
  '在减肥的', '喜欢拍照的', '不想上班的', '快乐摸鱼的',
];

export const NICK_NOUNS = [
  '小鹿', '橘猫', '柚子', '芒果', '阿狸', '小熊', '团子', '年糕', '汤圆', '桃子', '栗子', '可乐', '饭团', '布丁',
  '小周', '阿杰', '小林', '大白', '星星', '月亮', '山茶', '海盐', '椰子', '麦穗',
];

export const NICK_SUFFIXES = ['酱', '同学', '本人', '不加糖', '的日常', '在路上', '呀', '吖', '小姐', '先生', '日记', '今天也要开心'];

export const NICK_LATIN = ['Momo', 'Coco', 'Yuki', 'Lulu', 'Kiki', 'Nana', 'Amy', 'Leo', 'Zoe', 'Mia', 'Jojo', 'Sunny', 'Ivy', 'Tina'];

export const NICK_PLACES = ['大理', '成都', '厦门', '杭州', '青岛', '长沙', '西安', '重庆', '苏州', '昆明', '南京', '广州'];

/** Mobile prefixes; numbers are built as prefix + 0000 + 4 digits, which no real subscriber uses here. */
export const PHONE_PREFIXES = ['130', '131', '132', '135', '136', '137', '138', '139', '150', '151', '152', '155', '156', '158', '159', '166', '176', '177', '180', '181', '182', '185', '186', '187', '188', '189', '191', '198', '199'];

export const EMAIL_WORDS = ['sunny', 'river', 'maple', 'cloud', 'peach', 'panda', 'tiger', 'lemon', 'ocean', 'pine', 'berry', 'stone', 'star', 'rain', 'snow'];

export const CITIES: { province: string; city: string; districts: string[] }[] = [
  { province: '上海市', city: '上海市', districts: ['浦东新区', '徐汇区', '闵行区', '杨浦区'] },
  { province: '北京市', city: '北京市', districts: ['朝阳区', '海淀区', '丰台区', '通州区'] },
  { province: '广东省', city: '广州市', districts: ['天河区', '越秀区', '番禺区'] },
  { province: '广东省', city: '深圳市', districts: ['南山区', '福田区', '龙华区'] },
  { province: '浙江省', city: '杭州市', districts: ['西湖区', '余杭区', '滨江区'] },
  { province: '江苏省', city: '南京市', districts: ['鼓楼区', '建邺区', '江宁区'] },
  { province: '江苏省', city: '苏州市', districts: ['姑苏区', '工业园区', '吴中区'] },
  { province: '四川省', city: '成都市', districts: ['武侯区', '锦江区', '高新区'] },
  { province: '湖北省', city: '武汉市', districts: ['洪山区', '江汉区', '武昌区'] },
  { province: '陕西省', city: '西安市', districts: ['雁塔区', '碑林区', '未央区'] },
  { province: '湖南省', city: '长沙市', districts: ['岳麓区', '天心区', '开福区'] },
  { province: '福建省', city: '厦门市', districts: ['思明区', '湖里区'] },
  { province: '山东省', city: '青岛市', districts: ['市南区', '崂山区', '黄岛区'] },
  { province: '重庆市', city: '重庆市', districts: ['渝中区', '江北区', '南岸区'] },
  { province: '云南省', city: '昆明市', districts: ['五华区', '盘龙区'] },
  { province: '天津市', city: '天津市', districts: ['和平区', '南开区', '河西区'] },
];

export const STREETS = ['梧桐路', '银杏大道', '明月街', '青石巷', '枫林路', '望江路', '春晖路', '锦绣大道', '紫荆街', '云杉路', '晨光路', '湖滨路'];

export const ESTATES = ['翠湖花园', '星河湾', '阳光新苑', '金桂苑', '和风家园', '绿洲小区', '滨江一号', '南山公寓', '松鹤里', '书香名邸'];

export const INTEREST_TAGS = ['美妆爱好者', '户外爱好者', '学生党', '宝妈', '上班族', '摄影', '旅行', '健身', '露营', '数码', '美食'];

export const SERVICE_TAGS = ['新注册', '高频退款', '曾投诉', '情绪易激动', '电话优先', '夜间活跃'];
