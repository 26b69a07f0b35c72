# Source of the SYNTHETIC test catalogue (not official text; invented by the fundcheck team to
# exercise the importer and the matcher). Running `python3 synthetic.py` rewrites
# synthetic-catalog.tsv and synthetic-catalog.txt (the same catalogue in the official
# text layout, with page furniture, wrapped lines and mixed punctuation).
E = 'encouraged'; R = 'restricted'; X = 'eliminated'
CAT = [
 (E, '一', '农林牧渔业', '', '', [
   '农作物种质资源保护与良种繁育体系建设，主要粮食作物杂交种子生产',
   '高标准农田建设与盐碱地综合改良利用',
   '智能温室、植物工厂等设施农业装备研发与应用',
   '畜禽粪污资源化利用与有机肥生产',
   '远洋渔业及深远海大型养殖工船、智能网箱养殖',
   '林下经济与木本油料（油茶、核桃）种植加工']),
 (E, '二', '水利', '', '', [
   '农村供水工程与城乡供水一体化建设',
   '节水灌溉设备（滴灌、喷灌、微灌）制造及工程']),
 (E, '三', '煤炭', '', '', [
   '煤矿智能化开采装备与井下机器人',
   '煤矸石、矿井水综合利用']),
 (E, '四', '电力', '', '', [
   '抽水蓄能电站建设',
   '智能电网与柔性直流输电装备',
   '燃煤机组超低排放与节能改造（单机30万千瓦以下纯凝机组除外）']),
 (E, '五', '新能源', '', '', [
   '高效晶硅太阳能电池及组件制造，钙钛矿叠层电池研发',
   '大功率海上风电机组及关键零部件制造',
   '电化学储能、压缩空气储能等新型储能电站建设',
   '氢能制备（电解水制氢）、储运及燃料电池',
   '生物质能发电与生物天然气']),
 (E, '六', '石化化工', '', '', [
   '高性能工程塑料与特种合成橡胶生产',
   '电子级化学品（高纯试剂、电子特气）生产',
   '二氧化碳捕集、利用与封存技术及装备',
   '化工园区智慧化改造与安全风险监测预警系统']),
 (E, '七', '钢铁', '', '', [
   '氢冶金、短流程电炉炼钢等低碳冶炼技术',
   '高性能特殊钢及高端装备用钢材生产']),
 (E, '八', '有色金属', '', '', [
   '再生铜、再生铝等再生有色金属高效回收利用',
   '高性能稀土永磁材料与稀土功能材料']),
 (E, '九', '机械', '', '', [
   '高档数控机床与五轴联动加工中心制造',
   '工业机器人及减速器、伺服电机等核心零部件',
   '大型农业机械（大马力拖拉机、联合收割机）制造',
   '高端轴承、液压件与密封件制造',
   '增材制造（3D打印）装备与专用材料',
   '工业母机关键功能部件：（1）高精度数控系统；（2）电主轴；（3）精密滚珠丝杠及导轨']),
 (E, '十', '轻工', '', '', [
   '可降解塑料制品与全生物降解地膜生产',
   '高端医疗器械用精密注塑件生产',
   '功能性食品与特殊医学用途配方食品生产']),
 (E, '十一', '纺织', '', '', [
   '高性能纤维（碳纤维、芳纶、超高分子量聚乙烯纤维）生产',
   '智能化纺纱织造与印染废水深度处理']),
 (E, '十二', '医药', '', '', [
   '创新药、改良型新药研发与产业化',
   '细胞治疗、基因治疗药物研发与生产',
   '高端医学影像设备（CT、磁共振）与手术机器人制造',
   '疫苗新品种研发与生产（传统灭活疫苗扩产除外）',
   '中药材规范化种植与中药配方颗粒生产']),
 (E, '十三', '信息产业', '', '', [
   '集成电路设计、制造、封装测试及半导体设备与材料',
   '新型显示器件（Micro LED、OLED）生产',
   '工业互联网平台与工业软件开发',
   '人工智能算法、大模型及智能计算中心',
   '第五代移动通信（5G）网络设备及物联网模组',
   '数据中心绿色化改造与液冷服务器']),
 (E, '十四', '现代物流业', '', '', [
   '冷链物流设施与冷链运输',
   '智慧物流园区与无人仓储分拣系统']),
 (E, '十五', '教育、卫生、养老', '', '', [
   '职业教育实训基地建设',
   '社区养老服务设施与智慧养老平台',
   '互联网医院与远程医疗服务']),
 (R, '一', '农林牧渔业', '', '', [
   '单套年产5万吨以下的饲料加工生产线',
   '以天然林木为原料的一次性筷子、牙签生产',
   '年屠宰生猪15万头以下的屠宰项目（少数民族地区除外）']),
 (R, '二', '煤炭', '', '', [
   '单井井型低于30万吨/年的煤矿项目',
   '采用非机械化开采工艺的煤矿项目']),
 (R, '三', '石化化工', '', '', [
   '新建单系列年产30万吨以下的电石装置',
   '新建硫铁矿制酸装置（配套综合利用的除外）',
   '新建纯碱、烧碱装置',
   '新建高毒农药原药生产装置（生物农药除外）',
   '溶剂型涂料生产线（水性涂料、粉末涂料除外）']),
 (R, '四', '钢铁', '', '', [
   '公称容积1200立方米以下的炼铁高炉',
   '公称容量100吨以下的转炉、电炉']),
 (R, '五', '有色金属', '', '', [
   '新建、扩建电解铝项目（产能置换项目除外）',
   '单系列10万吨/年以下的粗铜冶炼项目']),
 (R, '六', '建材', '', '', [
   '日产2500吨以下的熟料新型干法水泥生产线',
   '普通浮法玻璃生产线',
   '烧结砖及烧结空心砌块生产线（利用固体废物的除外）']),
 (R, '七', '机械', '', '', [
   '普通中低档数控机床生产（五轴联动及以上的除外）',
   '低速农用运输车生产',
   '排放标准低于国六的内燃机生产线']),
 (R, '八', '轻工', '', '', [
   '新建一次性发泡塑料餐具生产线',
   '新建白酒生产线（改造升级项目除外）',
   '年产3万吨以下的再生纸制浆生产线']),
 (R, '九', '纺织', '', '', [
   '常规涤纶长丝生产线（差别化、功能性纤维除外）',
   '间歇式染色设备的印染生产线']),
 (X, '一', '落后生产工艺装备', '一', '农林牧渔业', [
   '使用汞、铅等重金属的农药加工工艺',
   '土法生产木炭的敞开式炭窑']),
 (X, '一', '落后生产工艺装备', '二', '煤炭', [
   '开采范围与自然保护区重叠的煤矿',
   '使用国家明令禁止的非防爆电气设备的煤矿',
   '年产9万吨及以下的小煤矿']),
 (X, '一', '落后生产工艺装备', '三', '石化化工', [
   '土法炼油设施',
   '间歇焦炭法二硫化碳生产工艺',
   '使用氯氟烃作发泡剂的聚氨酯泡沫生产线']),
 (X, '一', '落后生产工艺装备', '四', '钢铁', [
   '土法炼焦（含改良焦炉）',
   '400立方米及以下的炼铁高炉',
   '中频感应炉炼钢（生产特殊钢的除外）']),
 (X, '一', '落后生产工艺装备', '五', '有色金属', [
   '采用烧结锅、烧结盘、简易高炉等落后方式炼铅工艺',
   '鼓风炉、电炉、反射炉炼铜工艺及设备']),
 (X, '一', '落后生产工艺装备', '六', '建材', [
   '立窑水泥熟料生产线',
   '平拉工艺平板玻璃生产线',
   '黏土实心砖生产线']),
 (X, '一', '落后生产工艺装备', '七', '轻工', [
   '石灰法地池制浆设备',
   '含汞扣式电池生产线',
   '以废旧塑料为原料的土法造粒生产']),
 (X, '二', '落后产品', '一', '石化化工', [
   '含滴滴涕、六六六的农药产品',
   '铅铬黄颜料',
   '含苯超标的溶剂型胶粘剂']),
 (X, '二', '落后产品', '二', '机械', [
   '能效等级低于三级的中小型三相异步电动机',
   '燃煤蒸汽锅炉（每小时10蒸吨及以下）',
   '热效率低于标准的家用燃气热水器']),
 (X, '二', '落后产品', '三', '轻工', [
   '厚度低于0.025毫米的超薄塑料购物袋',
   '含汞体温计、血压计（出口及科研用途除外）',
   '一次性不可降解塑料吸管']),
]
CLS_HEAD = {E: '第一类　鼓励类', R: '第二类 限制类', X: '第三类　淘汰类'}
INTRO = {E: '鼓励类主要是（合成测试文本）对经济社会发展有重要促进作用的技术、装备及产品。',
         R: '限制类主要是（合成测试文本）工艺技术落后、需要督促改造和禁止新建的生产能力。\n对属于限制类的新建项目（合成测试文本），禁止投资。',
         X: '淘汰类主要是（合成测试文本）需要淘汰的落后工艺技术、装备及产品。\n注：（合成测试文本）淘汰类中标注的年份为淘汰期限。'}

def tsv():
    out = ['# SYNTHETIC test catalogue — invented by the fundcheck team, NOT official catalogue text.',
           '# Shaped like 《产业结构调整指导目录》; every entry has source "synthetic".',
           'class\tsector_no\tsector_name\tsub_no\tsub_name\titem_no\ttext\tsource']
    for cls, sno, sname, subno, subname, items in CAT:
        for i, t in enumerate(items, 1):
            out.append('\t'.join([cls, sno, sname, subno, subname, str(i), t, 'synthetic']))
    return '\n'.join(out) + '\n'

HEADER = '产业结构调整指导目录（合成测试本）'
def text():
    lines = ['产业结构调整指导目录（合成测试本）', '', '合成测试数据，非官方文本。', '说　明',
             '一、本目录为测试用合成数据，由鼓励、限制和淘汰三类组成。',
             '二、本目录条目均为虚构，不得作为任何合规判断的依据。', '']
    prev_cls = None; n = 0
    for cls, sno, sname, subno, subname, items in CAT:
        if cls != prev_cls:
            lines += ['', CLS_HEAD[cls]] + INTRO[cls].split('\n')
            prev_cls = cls; prev_sec = None
        if (cls, sno) != prev_sec:
            sep = '、' if n % 3 else '．'
            lines.append(f'{sno}{sep}{sname}')
            prev_sec = (cls, sno)
        if subno:
            lines.append(f'（{subno}）{subname}' if n % 2 else f'({subno}){subname}')
        for i, t in enumerate(items, 1):
            n += 1
            num = str(i)
            if n % 4 == 1: head = f'{num}．'
            elif n % 4 == 2: head = f'{num}、'
            elif n % 4 == 3: head = f'{num}. '
            else: head = ''.join(chr(ord(c) + 0xFEE0) for c in num) + '．'
            s = head + t
            if '；（' in s:
                # sub-items (1) (2) … each on a line of their own
                parts = s.replace('；（', '；\n（').replace('：（', '：\n（').split('\n')
                lines += parts
                continue
            # wrap long items at about 16 characters like a narrow PDF column; like a
            # typesetter, never inside a Latin word or number, and a space at the break
            # disappears (the importer puts it back between two Latin letters or digits)
            while len(s) > 16 and n % 2 == 0:
                cut = 16
                while cut < len(s) and s[cut - 1].isascii() and s[cut - 1].isalnum() \
                        and s[cut].isascii() and s[cut].isalnum():
                    cut += 1
                lines.append(s[:cut].rstrip(' ')); s = s[cut:].lstrip(' ')
            lines.append(s)
    # page furniture every 25 lines: footer page number and a running header
    out = []; page = 1
    for i, l in enumerate(lines, 1):
        out.append(l)
        if i % 25 == 0:
            out += ['', f'— {page} —', '\f' + HEADER if page % 2 else HEADER, '']
            page += 1
    out += ['', f'— {page} —']
    return '\n'.join(out) + '\n'

if __name__ == '__main__':
    open('synthetic-catalog.tsv', 'w').write(tsv())
    open('synthetic-catalog.txt', 'w').write(text())
    print(sum(len(c[5]) for c in CAT), 'entries')
