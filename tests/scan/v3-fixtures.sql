-- A version-3 findings database: fundcheck 9a17a82 (schema 3) scan of fixtures/*.xml, sqlite3 .dump; tests/suite-scan.sh migrates it to 4.
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE runs (
  run_id          INTEGER PRIMARY KEY,
  tool_version    TEXT NOT NULL,
  ruleset_hash    TEXT NOT NULL,
  catalog_version TEXT NOT NULL,
  catalog_edition TEXT NOT NULL,
  started_at      TEXT NOT NULL,
  ended_at        TEXT,
  options         TEXT NOT NULL DEFAULT '{}',
  n_checked       INTEGER,
  n_skipped       INTEGER,
  n_errors        INTEGER,
  n_findings      INTEGER
, status TEXT, lookthrough TEXT, eval_key TEXT);
INSERT INTO runs VALUES(1,'0.1.0','8e3abc86fa8c0392','2024:excerpt(8)+gbt4754:117+prov99:2026-01-01+sei:469;h=a2fe17fc51c55221','2024','2026-12-02T13:47:21Z','2026-12-02T13:47:22Z','{"jobs":2,"force":false,"lang":"zh","failOn":"violation","paths":["fixtures/data-quality.xml","fixtures/derivatives.xml","fixtures/direct-clean.xml","fixtures/disguised-debt.xml","fixtures/exemption.xml","fixtures/fof-clean.xml","fixtures/gb18030.xml","fixtures/guarantee.xml","fixtures/industry-encouraged.xml","fixtures/industry-missing.xml","fixtures/industry-provincial.xml","fixtures/industry-restricted.xml","fixtures/industry-undeclared-restricted.xml","fixtures/limits-breach.xml","fixtures/limits-chain-leaf.xml","fixtures/limits-chain-mid.xml","fixtures/limits-missing.xml","fixtures/limits-near.xml","fixtures/lookthrough-child-a.xml","fixtures/lookthrough-child-b.xml","fixtures/lookthrough-parent.xml","fixtures/negative-list.xml","fixtures/public-stock.xml","fixtures/unlimited-liability.xml"]}',24,0,0,96,'complete','done','f6b6611a2c5120cc');
CREATE TABLE rules (
  rule_id      TEXT PRIMARY KEY,
  category     TEXT NOT NULL,
  severity     TEXT NOT NULL,
  title_zh     TEXT NOT NULL,
  title_en     TEXT NOT NULL,
  legal_basis  TEXT NOT NULL,
  lookthrough  INTEGER NOT NULL DEFAULT 0,
  ruleset_hash TEXT NOT NULL
);
INSERT INTO rules VALUES('DD-001','disguised-debt','warning','持仓条款呈现名股实债特征','Holding terms show debt disguised as equity','《关于加强政府投资基金布局规划和投向指导的工作办法（试行）（发改财金规〔2025〕1752号）》第六条第（一）项：「通过名股实债等方式变相增加地方政府隐性债务」；《政府投资基金暂行管理办法（财预〔2015〕210号）》第十三条第（二）项：「政府可适当让利，但不得向其他出资人承诺投资本金不受损失，不得承诺最低收益。国务院另有规定的除外。」；《关于加强私募投资基金监管的若干规定（证监会公告〔2020〕71号）》第八条（转引）：「私募基金收益不与投资项目的资产、收益、风险等情况挂钩，包括不按照投资标的实际经营业绩或者收益情况向投资者分红、支付收益等」',0,'8e3abc86fa8c0392');
INSERT INTO rules VALUES('DD-002','disguised-debt','warning','披露事项或补充协议含名股实债安排','Disclosure or side letter contains a disguised-debt arrangement','《关于加强政府投资基金布局规划和投向指导的工作办法（试行）（发改财金规〔2025〕1752号）》第六条第（一）项：「通过名股实债等方式变相增加地方政府隐性债务」；《政府投资基金暂行管理办法（财预〔2015〕210号）》第十三条第（二）项：「政府可适当让利，但不得向其他出资人承诺投资本金不受损失，不得承诺最低收益。国务院另有规定的除外。」',0,'8e3abc86fa8c0392');
INSERT INTO rules VALUES('DD-003','disguised-debt','notice','创始人对赌回购（市场化安排，仅提示）','Founder buy-back on performance targets (market practice, for information)','《关于加强政府投资基金布局规划和投向指导的工作办法（试行）（发改财金规〔2025〕1752号）》第六条第（一）项：「通过名股实债等方式变相增加地方政府隐性债务」',0,'8e3abc86fa8c0392');
INSERT INTO rules VALUES('DQ-001','data-quality','warning','基金统一社会信用代码校验位错误','Fund USCC has a wrong check character','《政府投资基金申报文件格式 第1版（filing-format）》约定（Codes）（要点）：统一社会信用代码为18位，依 GB 32100-2015 编码（含校验位）；《政府投资基金申报文件格式 第1版（filing-format）》输出约定（Output contract）data-quality 类别（要点）：申报文件中的数据不一致或无效（如统一社会信用代码校验位错误、合计数对不上等）',0,'8e3abc86fa8c0392');
INSERT INTO rules VALUES('DQ-002','data-quality','warning','管理人（报送人）统一社会信用代码校验位错误','Filer USCC has a wrong check character','《政府投资基金申报文件格式 第1版（filing-format）》约定（Codes）（要点）：统一社会信用代码为18位，依 GB 32100-2015 编码（含校验位）；《政府投资基金申报文件格式 第1版（filing-format）》输出约定（Output contract）data-quality 类别（要点）：申报文件中的数据不一致或无效（如统一社会信用代码校验位错误、合计数对不上等）',0,'8e3abc86fa8c0392');
INSERT INTO rules VALUES('DQ-003','data-quality','warning','被投主体、受益人或出资人统一社会信用代码校验位错误','USCC of an investee, beneficiary or sponsor has a wrong check character','《政府投资基金申报文件格式 第1版（filing-format）》约定（Codes）（要点）：统一社会信用代码为18位，依 GB 32100-2015 编码（含校验位）；《政府投资基金申报文件格式 第1版（filing-format）》输出约定（Output contract）data-quality 类别（要点）：申报文件中的数据不一致或无效（如统一社会信用代码校验位错误、合计数对不上等）',0,'8e3abc86fa8c0392');
INSERT INTO rules VALUES('DQ-004','data-quality','warning','单项持仓金额超过基金实缴规模','A holding exceeds the fund''s paid-in capital','《政府投资基金申报文件格式 第1版（filing-format）》输出约定（Output contract）data-quality 类别（要点）：申报文件中的数据不一致或无效（如统一社会信用代码校验位错误、合计数对不上等）',0,'8e3abc86fa8c0392');
INSERT INTO rules VALUES('DQ-005','data-quality','warning','持仓合计超过基金实缴规模','Holdings add up to more than the fund''s paid-in capital','《政府投资基金申报文件格式 第1版（filing-format）》输出约定（Output contract）data-quality 类别（要点）：申报文件中的数据不一致或无效（如统一社会信用代码校验位错误、合计数对不上等）',0,'8e3abc86fa8c0392');
INSERT INTO rules VALUES('DQ-006','data-quality','warning','取得日期不合理','Implausible acquisition date','《政府投资基金申报文件格式 第1版（filing-format）》输出约定（Output contract）data-quality 类别（要点）：申报文件中的数据不一致或无效（如统一社会信用代码校验位错误、合计数对不上等）',0,'8e3abc86fa8c0392');
INSERT INTO rules VALUES('DQ-007','data-quality','warning','交易日期不在报告期内','Transaction dated outside the reporting period','《政府投资基金申报文件格式 第1版（filing-format）》transaction 元素（要点）：transaction（0..n）申报报告期内的交易；《政府投资基金申报文件格式 第1版（filing-format）》输出约定（Output contract）data-quality 类别（要点）：申报文件中的数据不一致或无效（如统一社会信用代码校验位错误、合计数对不上等）',0,'8e3abc86fa8c0392');
INSERT INTO rules VALUES('DQ-008','data-quality','warning','持仓类别与金融工具或被投主体不一致','Holding category inconsistent with the instrument or investee','《政府投资基金申报文件格式 第1版（filing-format）》输出约定（Output contract）data-quality 类别（要点）：申报文件中的数据不一致或无效（如统一社会信用代码校验位错误、合计数对不上等）',0,'8e3abc86fa8c0392');
INSERT INTO rules VALUES('DRV-001','derivatives','violation','直接持有期货、期权或其他衍生品','Direct holding of futures, options or other derivatives','《关于加强政府投资基金布局规划和投向指导的工作办法（试行）（发改财金规〔2025〕1752号）》第六条第（三）项：「直接或间接从事期货等衍生品类交易」；《政府投资基金暂行管理办法（财预〔2015〕210号）》第十二条第（二）项：「投资二级市场股票、期货、房地产、证券投资基金、评级AAA以下的企业债、信托产品、非保本型理财产品、保险计划及其他金融衍生品」；《中华人民共和国期货和衍生品法》第三条：「衍生品交易，是指期货交易以外的，以互换合约、远期合约和非标准化期权合约及其组合为交易标的的交易活动」',0,'8e3abc86fa8c0392');
INSERT INTO rules VALUES('DRV-002','derivatives','violation','报告期内交易期货、期权或其他衍生品','Futures, options or other derivatives traded during the period','《关于加强政府投资基金布局规划和投向指导的工作办法（试行）（发改财金规〔2025〕1752号）》第六条第（三）项：「直接或间接从事期货等衍生品类交易」；《中华人民共和国期货和衍生品法》第三条：「期货交易，是指以期货合约或者标准化期权合约为交易标的的交易活动」',0,'8e3abc86fa8c0392');
INSERT INTO rules VALUES('DRV-003','derivatives','violation','通过资管计划、信托或私募产品间接从事衍生品交易','Indirect derivatives trading through an asset-management plan, trust or private fund','《关于加强政府投资基金布局规划和投向指导的工作办法（试行）（发改财金规〔2025〕1752号）》第六条第（三）项：「直接或间接从事期货等衍生品类交易」',0,'8e3abc86fa8c0392');
INSERT INTO rules VALUES('DRV-004','derivatives','violation','文本显示基金从事期货、期权、互换或远期交易','Text says the fund trades futures, options, swaps or forwards','《关于加强政府投资基金布局规划和投向指导的工作办法（试行）（发改财金规〔2025〕1752号）》第六条第（三）项：「直接或间接从事期货等衍生品类交易」',0,'8e3abc86fa8c0392');
INSERT INTO rules VALUES('EXM-001','exemption','warning','豁免指向未知规则或类别','Exemption names an unknown rule or category','《关于加强政府投资基金布局规划和投向指导的工作办法（试行）》第六条：「财政部门、基金监管部门另有规定的从其规定。」',0,'8e3abc86fa8c0392');
INSERT INTO rules VALUES('EXM-002','exemption','warning','豁免已过期或未覆盖整个报告期','Exemption expired before the end of the period','《关于加强政府投资基金布局规划和投向指导的工作办法（试行）》第六条：「财政部门、基金监管部门另有规定的从其规定。」',0,'8e3abc86fa8c0392');
INSERT INTO rules VALUES('EXM-003','exemption','warning','豁免在报告期开始后才生效','Exemption not yet in force at the start of the period','《关于加强政府投资基金布局规划和投向指导的工作办法（试行）》第六条：「财政部门、基金监管部门另有规定的从其规定。」',0,'8e3abc86fa8c0392');
INSERT INTO rules VALUES('EXM-004','exemption','warning','豁免内容不一致','Malformed exemption','《关于加强政府投资基金布局规划和投向指导的工作办法（试行）》第六条：「财政部门、基金监管部门另有规定的从其规定。」',0,'8e3abc86fa8c0392');
INSERT INTO rules VALUES('GU-001','guarantee','violation','基金对外提供担保或增信','The fund gave a guarantee or credit support','《关于加强政府投资基金布局规划和投向指导的工作办法（试行）（发改财金规〔2025〕1752号）》第六条第（四）项：「为企业或项目提供担保」；《政府投资基金暂行管理办法（财预〔2015〕210号）》第十二条第（一）项：「从事融资担保以外的担保、抵押、委托贷款等业务」；《最高人民法院关于适用《中华人民共和国民法典》有关担保制度的解释》第三十六条：「第三人向债权人提供差额补足、流动性支持等类似承诺文件作为增信措施，具有提供担保的意思表示，债权人请求第三人承担保证责任的，人民法院应当依照保证的有关规定处理。」',0,'8e3abc86fa8c0392');
INSERT INTO rules VALUES('GU-002','guarantee','violation','文本显示基金提供担保、差额补足或流动性支持','Text says the fund gives a guarantee, shortfall or liquidity support','《关于加强政府投资基金布局规划和投向指导的工作办法（试行）（发改财金规〔2025〕1752号）》第六条第（四）项：「为企业或项目提供担保」；《最高人民法院关于适用《中华人民共和国民法典》有关担保制度的解释》第三十六条：「第三人向债权人提供差额补足、流动性支持等类似承诺文件作为增信措施，具有提供担保的意思表示，债权人请求第三人承担保证责任的，人民法院应当依照保证的有关规定处理。」；《政府投资基金暂行管理办法（财预〔2015〕210号）》第十二条第（一）项：「从事融资担保以外的担保、抵押、委托贷款等业务」',0,'8e3abc86fa8c0392');
INSERT INTO rules VALUES('IC-001','industry-catalog','violation','投向限制类产业','Investment in a restricted industry','《关于加强政府投资基金布局规划和投向指导的工作办法（试行）（发改财金规〔2025〕1752号）》第四条、第五条：「限制类、淘汰类产业」',0,'8e3abc86fa8c0392');
INSERT INTO rules VALUES('IC-002','industry-catalog','violation','投向淘汰类产业','Investment in an eliminated industry','《关于加强政府投资基金布局规划和投向指导的工作办法（试行）（发改财金规〔2025〕1752号）》第四条、第五条：「限制类、淘汰类产业」',0,'8e3abc86fa8c0392');
INSERT INTO rules VALUES('IC-003','industry-catalog','notice','申报的目录条目在已加载的目录中不存在','Declared catalogue entry is not in the loaded edition','《关于加强政府投资基金布局规划和投向指导的工作办法（试行）（发改财金规〔2025〕1752号）》第四条、第五条：「《产业结构调整指导目录》等国家级产业目录中的鼓励类产业」',0,'8e3abc86fa8c0392');
INSERT INTO rules VALUES('IC-004','industry-catalog','warning','申报的鼓励类条目与被投企业业务不符','Declared encouraged entry does not fit the investee''s business','《关于加强政府投资基金布局规划和投向指导的工作办法（试行）（发改财金规〔2025〕1752号）》第四条、第五条：「要强化评估论证，防止盲目跟风、一哄而上和低水平重复建设」',0,'8e3abc86fa8c0392');
INSERT INTO rules VALUES('IC-005','industry-catalog','warning','未申报目录条目，业务与限制类或淘汰类条目高度相似','No declared entry; the business closely matches a restricted or eliminated entry','《关于加强政府投资基金布局规划和投向指导的工作办法（试行）（发改财金规〔2025〕1752号）》第四条、第五条：「限制类、淘汰类产业」',0,'8e3abc86fa8c0392');
INSERT INTO rules VALUES('IC-006','industry-catalog','notice','未能证明属于鼓励类','Not shown to be encouraged','《关于加强政府投资基金布局规划和投向指导的工作办法（试行）（发改财金规〔2025〕1752号）》第四条、第五条：「《产业结构调整指导目录》等国家级产业目录中的鼓励类产业」',0,'8e3abc86fa8c0392');
INSERT INTO rules VALUES('IC-007','industry-catalog','notice','报告期末施行的目录版本未导入','The catalogue edition in force at the period end is not loaded','《关于加强政府投资基金布局规划和投向指导的工作办法（试行）（发改财金规〔2025〕1752号）》第四条、第五条：「《产业结构调整指导目录》等国家级产业目录中的鼓励类产业」',0,'8e3abc86fa8c0392');
INSERT INTO rules VALUES('IC-008','industry-catalog','notice','被投企业行业不在基金所在省份的省级清单内','Investee''s industry is outside the fund''s provincial list','《关于加强政府投资基金布局规划和投向指导的工作办法（试行）（发改财金规〔2025〕1752号）》第四条：「支持省级重点产业和特色产业发展」',0,'8e3abc86fa8c0392');
INSERT INTO rules VALUES('IC-009','industry-catalog','warning','行业代码不是有效的 GB/T 4754-2017 代码','Industry code is not a valid GB/T 4754-2017 code','《关于加强政府投资基金布局规划和投向指导的工作办法（试行）（发改财金规〔2025〕1752号）》第九条（要点）：省级清单采用三级分类，一、二级分别为《国民经济行业分类》的门类、大类（原文未取得，此为转述）',0,'8e3abc86fa8c0392');
INSERT INTO rules VALUES('IC-010','industry-catalog','notice','申报的目录版本不是报告期末施行的版本','Declared catalogue edition is not the one in force at the period end','《关于加强政府投资基金布局规划和投向指导的工作办法（试行）（发改财金规〔2025〕1752号）》第四条、第五条：「《产业结构调整指导目录》等国家级产业目录中的鼓励类产业」',0,'8e3abc86fa8c0392');
INSERT INTO rules VALUES('IC-011','industry-catalog','notice','业务与有规模条件的限制类或淘汰类条目相似，规模未载明，无法判断','The business matches a restricted or eliminated entry with a size condition; no size stated: cannot determine','《关于加强政府投资基金布局规划和投向指导的工作办法（试行）（发改财金规〔2025〕1752号）》第四条、第五条：「限制类、淘汰类产业」',0,'8e3abc86fa8c0392');
INSERT INTO rules VALUES('LT-001','derivatives','violation','通过子基金间接从事衍生品交易','Indirect derivatives exposure through a sub-fund','《关于加强政府投资基金布局规划和投向指导的工作办法（试行）》第六条第（三）项：「直接或间接从事期货等衍生品类交易」',1,'8e3abc86fa8c0392');
INSERT INTO rules VALUES('LT-002','public-stock','violation','通过子基金间接从事公开交易类股票投资','Public-stock investing through a sub-fund','《关于加强政府投资基金布局规划和投向指导的工作办法（试行）》第六条第（二）项：「除设立方案明确可参与的并购重组、定向增发、战略配售外，从事其他公开交易类股票投资」',1,'8e3abc86fa8c0392');
INSERT INTO rules VALUES('LT-003','guarantee','violation','子基金为企业或项目提供担保','A sub-fund gives guarantees','《关于加强政府投资基金布局规划和投向指导的工作办法（试行）》第六条第（四）项：「为企业或项目提供担保」',1,'8e3abc86fa8c0392');
INSERT INTO rules VALUES('LT-004','unlimited-liability','violation','子基金开展承担无限责任的投资','A sub-fund makes investments with unlimited liability','《关于加强政府投资基金布局规划和投向指导的工作办法（试行）》第六条第（五）项：「开展承担无限责任的投资」',1,'8e3abc86fa8c0392');
INSERT INTO rules VALUES('LT-005','disguised-debt','violation','子基金存在名股实债安排','Disguised debt in a sub-fund','《关于加强政府投资基金布局规划和投向指导的工作办法（试行）》第六条第（一）项：「通过名股实债等方式变相增加地方政府隐性债务」',1,'8e3abc86fa8c0392');
INSERT INTO rules VALUES('NL-001','negative-list','violation','基金对外发放贷款或委托贷款','The fund lends money or makes entrusted loans','《政府投资基金暂行管理办法（财预〔2015〕210号）》第十二条第（一）项：「从事融资担保以外的担保、抵押、委托贷款等业务」；《政府投资基金暂行管理办法（财预〔2015〕210号）》第十二条第（四）项：「吸收或变相吸收存款，或向第三方提供贷款和资金拆借」',0,'8e3abc86fa8c0392');
INSERT INTO rules VALUES('NL-002','negative-list','violation','文本显示基金放贷、委托贷款或资金拆借','Text says the fund lends, makes entrusted loans or inter-company loans','《政府投资基金暂行管理办法（财预〔2015〕210号）》第十二条第（四）项：「吸收或变相吸收存款，或向第三方提供贷款和资金拆借」；《政府投资基金暂行管理办法（财预〔2015〕210号）》第十二条第（一）项：「从事融资担保以外的担保、抵押、委托贷款等业务」',0,'8e3abc86fa8c0392');
INSERT INTO rules VALUES('NL-003','negative-list','violation','吸收存款或通过信托、集合理财产品募集资金','Deposit taking or raising money through trust or collective products','《政府投资基金暂行管理办法（财预〔2015〕210号）》第十二条第（四）项：「吸收或变相吸收存款，或向第三方提供贷款和资金拆借」；《政府投资基金暂行管理办法（财预〔2015〕210号）》第十二条：「发行信托或集合理财产品募集资金」',0,'8e3abc86fa8c0392');
INSERT INTO rules VALUES('NL-004','negative-list','violation','基金对外捐赠或赞助','The fund made a donation or sponsorship','《政府投资基金暂行管理办法（财预〔2015〕210号）》第十二条：「向任何第三方提供赞助、捐赠（经批准的公益性捐赠除外）」',0,'8e3abc86fa8c0392');
INSERT INTO rules VALUES('NL-005','negative-list','violation','投资房地产','Real-estate investment','《政府投资基金暂行管理办法（财预〔2015〕210号）》第十二条第（二）项：「投资二级市场股票、期货、房地产、证券投资基金、评级AAA以下的企业债、信托产品、非保本型理财产品、保险计划及其他金融衍生品」',0,'8e3abc86fa8c0392');
INSERT INTO rules VALUES('NL-006','negative-list','warning','投向房地产相关领域，需复核','Real-estate related investment, needs review','《政府投资基金暂行管理办法（财预〔2015〕210号）》第十二条第（二）项：「投资二级市场股票、期货、房地产、证券投资基金、评级AAA以下的企业债、信托产品、非保本型理财产品、保险计划及其他金融衍生品」',0,'8e3abc86fa8c0392');
INSERT INTO rules VALUES('NL-007','negative-list','violation','持有信托产品、非保本理财、保险计划或证券投资基金','Trust products, unprotected wealth products, insurance plans or securities funds held','《政府投资基金暂行管理办法（财预〔2015〕210号）》第十二条第（二）项：「投资二级市场股票、期货、房地产、证券投资基金、评级AAA以下的企业债、信托产品、非保本型理财产品、保险计划及其他金融衍生品」',0,'8e3abc86fa8c0392');
INSERT INTO rules VALUES('NL-008','negative-list','warning','闲置资金投向白名单以外的资产','Idle cash placed outside the usual whitelist','《政府投资基金暂行管理办法（财预〔2015〕210号）》第十二条第（二）项：「投资二级市场股票、期货、房地产、证券投资基金、评级AAA以下的企业债、信托产品、非保本型理财产品、保险计划及其他金融衍生品」',0,'8e3abc86fa8c0392');
INSERT INTO rules VALUES('NL-009','negative-list','violation','持有评级AAA以下的企业债','Corporate bond rated below AAA','《政府投资基金暂行管理办法（财预〔2015〕210号）》第十二条第（二）项：「投资二级市场股票、期货、房地产、证券投资基金、评级AAA以下的企业债、信托产品、非保本型理财产品、保险计划及其他金融衍生品」',0,'8e3abc86fa8c0392');
INSERT INTO rules VALUES('PS-001','public-stock','violation','持仓上市股票系以公开交易方式买入','Listed shares held were bought through public trading','《关于加强政府投资基金布局规划和投向指导的工作办法（试行）（发改财金规〔2025〕1752号）》第六条第（二）项：「除设立方案明确可参与的并购重组、定向增发、战略配售外，从事其他公开交易类股票投资」；《政府投资基金暂行管理办法（财预〔2015〕210号）》第十二条第（二）项：「投资二级市场股票、期货、房地产、证券投资基金、评级AAA以下的企业债、信托产品、非保本型理财产品、保险计划及其他金融衍生品」',0,'8e3abc86fa8c0392');
INSERT INTO rules VALUES('PS-002','public-stock','violation','报告期内以公开交易方式买入上市股票','Listed shares bought through public trading during the period','《关于加强政府投资基金布局规划和投向指导的工作办法（试行）（发改财金规〔2025〕1752号）》第六条第（二）项：「除设立方案明确可参与的并购重组、定向增发、战略配售外，从事其他公开交易类股票投资」；《政府投资基金暂行管理办法（财预〔2015〕210号）》第十二条第（二）项：「投资二级市场股票、期货、房地产、证券投资基金、评级AAA以下的企业债、信托产品、非保本型理财产品、保险计划及其他金融衍生品」',0,'8e3abc86fa8c0392');
INSERT INTO rules VALUES('PS-003','public-stock','violation','并购重组、定向增发或战略配售未经设立方案明确','M&A, private placement or strategic placement not permitted by the 设立方案','《关于加强政府投资基金布局规划和投向指导的工作办法（试行）（发改财金规〔2025〕1752号）》第六条第（二）项：「除设立方案明确可参与的并购重组、定向增发、战略配售外，从事其他公开交易类股票投资」',0,'8e3abc86fa8c0392');
INSERT INTO rules VALUES('PS-004','public-stock','violation','文本显示基金在二级市场买入股票或参与打新','Text says the fund buys shares on the market or subscribes to IPOs','《关于加强政府投资基金布局规划和投向指导的工作办法（试行）（发改财金规〔2025〕1752号）》第六条第（二）项：「除设立方案明确可参与的并购重组、定向增发、战略配售外，从事其他公开交易类股票投资」',0,'8e3abc86fa8c0392');
INSERT INTO rules VALUES('PS-005','public-stock','violation','文本显示参与定增、战略配售或并购重组但设立方案未明确','Text shows a private placement, strategic placement or M&A the 设立方案 does not permit','《关于加强政府投资基金布局规划和投向指导的工作办法（试行）（发改财金规〔2025〕1752号）》第六条第（二）项：「除设立方案明确可参与的并购重组、定向增发、战略配售外，从事其他公开交易类股票投资」',0,'8e3abc86fa8c0392');
INSERT INTO rules VALUES('PS-006','public-stock','warning','买入上市股票未申报交易方式','Listed shares bought without a declared method','《关于加强政府投资基金布局规划和投向指导的工作办法（试行）（发改财金规〔2025〕1752号）》第六条第（二）项：「除设立方案明确可参与的并购重组、定向增发、战略配售外，从事其他公开交易类股票投资」',0,'8e3abc86fa8c0392');
INSERT INTO rules VALUES('UL-001','unlimited-liability','violation','基金担任普通合伙人','The fund is a general partner','《关于加强政府投资基金布局规划和投向指导的工作办法（试行）（发改财金规〔2025〕1752号）》第六条第（五）项：「开展承担无限责任的投资」；《政府投资基金暂行管理办法（财预〔2015〕210号）》第十二条第（五）项：「进行承担无限连带责任的对外投资」；《中华人民共和国合伙企业法》第二条第三款：「普通合伙人对合伙企业债务承担无限连带责任，有限合伙人以其认缴的出资额为限对合伙企业债务承担责任」',0,'8e3abc86fa8c0392');
INSERT INTO rules VALUES('UL-002','unlimited-liability','violation','投资普通合伙企业','Investment in a general partnership','《关于加强政府投资基金布局规划和投向指导的工作办法（试行）（发改财金规〔2025〕1752号）》第六条第（五）项：「开展承担无限责任的投资」；《政府投资基金暂行管理办法（财预〔2015〕210号）》第十二条第（五）项：「进行承担无限连带责任的对外投资」',0,'8e3abc86fa8c0392');
INSERT INTO rules VALUES('UL-003','unlimited-liability','violation','文本显示基金承担无限责任','Text commits the fund to unlimited liability','《关于加强政府投资基金布局规划和投向指导的工作办法（试行）（发改财金规〔2025〕1752号）》第六条第（五）项：「开展承担无限责任的投资」；《中华人民共和国合伙企业法》第二条第三款：「普通合伙人对合伙企业债务承担无限连带责任，有限合伙人以其认缴的出资额为限对合伙企业债务承担责任」',0,'8e3abc86fa8c0392');
CREATE TABLE filings (
  filing_pk       INTEGER PRIMARY KEY,
  run_id          INTEGER NOT NULL REFERENCES runs(run_id),
  path            TEXT NOT NULL,
  sha256          TEXT NOT NULL,
  bytes           INTEGER,
  ruleset_hash    TEXT NOT NULL,
  catalog_version TEXT NOT NULL,
  status          TEXT NOT NULL CHECK (status IN ('checked', 'error')),
  error_line      INTEGER,
  error_message   TEXT,
  filing_id       TEXT,
  report_type     TEXT,
  period_start    TEXT,
  period_end      TEXT,
  submitted_at    TEXT,
  fund_uscc       TEXT,
  fund_name       TEXT,
  fund_type       TEXT,
  legal_form      TEXT,
  gov_level       TEXT,
  region          TEXT,
  paid_in         TEXT,
  filer_uscc      TEXT,
  n_holdings      INTEGER NOT NULL DEFAULT 0,
  rule_errors     TEXT
, tool_version TEXT NOT NULL DEFAULT '', eval_key TEXT NOT NULL DEFAULT '');
INSERT INTO filings VALUES(1,1,'fixtures/data-quality.xml','96af39edb70bb5582858357ccf91add9dba864b7b8cbb71d172f7594fb39dfab',5022,'8e3abc86fa8c0392','2024:excerpt(8)+gbt4754:117+prov99:2026-01-01+sei:469;h=a2fe17fc51c55221','checked',NULL,NULL,'GIF-2026Q1-YS-TECH-0009','quarterly','2026-01-01','2026-03-31','2026-04-09','91500000MA5U8W3X6P','渝山市科技创业投资基金合伙企业（有限合伙）','direct','limited-partnership','municipal','500000','400000000.00','91500000MA5U7R2T4A',5,NULL,'0.1.0','f6b6611a2c5120cc');
INSERT INTO filings VALUES(2,1,'fixtures/derivatives.xml','8b1e8e68c60eb7c9f02460b03fc19020df5187359993c6f9a79ce4994c86da7e',6108,'8e3abc86fa8c0392','2024:excerpt(8)+gbt4754:117+prov99:2026-01-01+sei:469;h=a2fe17fc51c55221','checked',NULL,NULL,'GIF-2026Q1-NY-STI-0002','quarterly','2026-01-01','2026-03-31','2026-04-20','91330200MA2K4Q8R1M','南漪市科技成果转化基金合伙企业（有限合伙）','mixed','limited-partnership','municipal','330200','900000000.00','91330200MA2J7N3P6W',5,NULL,'0.1.0','f6b6611a2c5120cc');
INSERT INTO filings VALUES(3,1,'fixtures/direct-clean.xml','92a2fa34e08b9a1325650ae37e5ff4dc2b9ddc0cb0c27c8f298c86e1092610ac',5068,'8e3abc86fa8c0392','2024:excerpt(8)+gbt4754:117+prov99:2026-01-01+sei:469;h=a2fe17fc51c55221','checked',NULL,NULL,'GIF-2026Q1-LJ-ANGEL-0001','quarterly','2026-01-01','2026-03-31','2026-04-12','91440300MA5J6P2Q8G','澜江市天使投资基金合伙企业（有限合伙）','direct','limited-partnership','municipal','440300','600000000.00','91440300MA5H2K7L1L',5,NULL,'0.1.0','f6b6611a2c5120cc');
INSERT INTO filings VALUES(4,1,'fixtures/disguised-debt.xml','c4f12ef48f1d0304e0bf4b571eeca14e9a6b0ec5306e4f5a91b2f980f0fb1f89',7863,'8e3abc86fa8c0392','2024:excerpt(8)+gbt4754:117+prov99:2026-01-01+sei:469;h=a2fe17fc51c55221','checked',NULL,NULL,'GIF-2026Q1-DL-IND-0007','quarterly','2026-01-01','2026-03-31','2026-04-18','91420100MA4L3X7Y1X','东陵市产业发展投资基金合伙企业（有限合伙）','mixed','limited-partnership','municipal','420100','1500000000.00','91420100MA4K8T2W5A',5,NULL,'0.1.0','f6b6611a2c5120cc');
INSERT INTO filings VALUES(5,1,'fixtures/exemption.xml','337250ffd0cff7b207f9bc479f03178a21977a7ae88117d9bdef817fdb39a0b5',4468,'8e3abc86fa8c0392','2024:excerpt(8)+gbt4754:117+prov99:2026-01-01+sei:469;h=a2fe17fc51c55221','checked',NULL,NULL,'GIF-2026Q1-HX-XB-0008','quarterly','2026-01-01','2026-03-31','2026-04-28','91120000MA07L7N9PJ','海西省跨境产业合作基金合伙企业（有限合伙）','direct','limited-partnership','provincial','120000','2500000000.00','91120000MA07K2L4M0',3,NULL,'0.1.0','f6b6611a2c5120cc');
INSERT INTO filings VALUES(6,1,'fixtures/fof-clean.xml','3e0b4ff0840298c3ccf9d2974926533a6fb5f98321eddf666b60e80ce9e32c60',5063,'8e3abc86fa8c0392','2024:excerpt(8)+gbt4754:117+prov99:2026-01-01+sei:469;h=a2fe17fc51c55221','checked',NULL,NULL,'GIF-2026Q1-YH-FOF-0001','quarterly','2026-01-01','2026-03-31','2026-04-15','91320500MA7C4R6T8G','云湖市科技创新母基金合伙企业（有限合伙）','fund-of-funds','limited-partnership','municipal','320500','2000000000.00','91320500MA1W8K3N2G',6,NULL,'0.1.0','f6b6611a2c5120cc');
INSERT INTO filings VALUES(7,1,'fixtures/gb18030.xml','89b64da823023f06f144154de73dc38c8e5b76b8d36d1d641bd4e7e4307cfbc6',3402,'8e3abc86fa8c0392','2024:excerpt(8)+gbt4754:117+prov99:2026-01-01+sei:469;h=a2fe17fc51c55221','checked',NULL,NULL,'GIF-2026Q1-TS-AGRI-0010','quarterly','2026-01-01','2026-03-31','2026-04-11','91450100MA5R9U2W7H','桂山市现代种业创业投资基金合伙企业（有限合伙）','direct','limited-partnership','municipal','450100','300000000.00','91450100MA5Q4R6T32',3,NULL,'0.1.0','f6b6611a2c5120cc');
INSERT INTO filings VALUES(8,1,'fixtures/guarantee.xml','244a9e7e9971a63c2f323d1aa0992715a855c3f7686440d07e349494e75578fc',4808,'8e3abc86fa8c0392','2024:excerpt(8)+gbt4754:117+prov99:2026-01-01+sei:469;h=a2fe17fc51c55221','checked',NULL,NULL,'GIF-2026Q1-CH-CITY-0004','quarterly','2026-01-01','2026-03-31','2026-04-22','91510100MA6D7F9G3P','澄湖市城市发展基金合伙企业（有限合伙）','direct','limited-partnership','municipal','510100','1000000000.00','91510100MA6C2D4E81',2,NULL,'0.1.0','f6b6611a2c5120cc');
INSERT INTO filings VALUES(9,1,'fixtures/industry-encouraged.xml','02aefc17aafc985220105fac8a5fe26e39a1a52b0739596903126e792b326857',2697,'8e3abc86fa8c0392','2024:excerpt(8)+gbt4754:117+prov99:2026-01-01+sei:469;h=a2fe17fc51c55221','checked',NULL,NULL,'GIF-2026Q1-QL-MAT-0001','quarterly','2026-01-01','2026-03-31','2026-04-15','91330100MA2L15K8LA','青岚市先进材料产业基金合伙企业（有限合伙）','direct','limited-partnership','municipal','330100','400000000.00','91330100MA2KP4M8RM',2,NULL,'0.1.0','f6b6611a2c5120cc');
INSERT INTO filings VALUES(10,1,'fixtures/industry-missing.xml','5bc81cec69b288f217ec93a265a4ce408068fd22483c4fdd6c6fae91a6292dd9',2150,'8e3abc86fa8c0392','2024:excerpt(8)+gbt4754:117+prov99:2026-01-01+sei:469;h=a2fe17fc51c55221','checked',NULL,NULL,'GIF-2026Q1-QL-EQUIP-0001','quarterly','2026-01-01','2026-03-31','2026-04-15','91330100MA2KW1C6DC','青岚市高端装备产业基金合伙企业（有限合伙）','direct','limited-partnership','municipal','330100','400000000.00','91330100MA2KP4M8RM',1,NULL,'0.1.0','f6b6611a2c5120cc');
INSERT INTO filings VALUES(11,1,'fixtures/industry-provincial.xml','d27de1b9f967dc1dec8608e42671d88db1c56ab2effeae034eaf29fd0385628e',2529,'8e3abc86fa8c0392','2024:excerpt(8)+gbt4754:117+prov99:2026-01-01+sei:469;h=a2fe17fc51c55221','checked',NULL,NULL,'GIF-2026Q1-SAMPLE-PROV-0001','quarterly','2026-01-01','2026-03-31','2026-04-15','91990000MA01A2B3CD','示例省战略性新兴产业投资基金合伙企业（有限合伙）','direct','limited-partnership','provincial','990000','400000000.00','91990000MA01B4C5DE',2,NULL,'0.1.0','f6b6611a2c5120cc');
INSERT INTO filings VALUES(12,1,'fixtures/industry-restricted.xml','e1108ac3e8a5ba640db30d704cfa4d6c07ab329ff7611675b0b1248e61bed46b',2696,'8e3abc86fa8c0392','2024:excerpt(8)+gbt4754:117+prov99:2026-01-01+sei:469;h=a2fe17fc51c55221','checked',NULL,NULL,'GIF-2026Q1-QL-GREEN-0001','quarterly','2026-01-01','2026-03-31','2026-04-15','91330100MA2KQ7L3XL','青岚市绿色产业投资基金合伙企业（有限合伙）','direct','limited-partnership','municipal','330100','400000000.00','91330100MA2KP4M8RM',2,NULL,'0.1.0','f6b6611a2c5120cc');
INSERT INTO filings VALUES(13,1,'fixtures/industry-undeclared-restricted.xml','db51d083911ffbef7c40ccca2d5e2b10d2709549c9606a0e7de6c296be6ee676',2754,'8e3abc86fa8c0392','2024:excerpt(8)+gbt4754:117+prov99:2026-01-01+sei:469;h=a2fe17fc51c55221','checked',NULL,NULL,'GIF-2026Q1-QL-RURAL-0001','quarterly','2026-01-01','2026-03-31','2026-04-15','91330100MA2KX2F4GK','青岚市乡村振兴投资基金合伙企业（有限合伙）','direct','limited-partnership','municipal','330100','400000000.00','91330100MA2KP4M8RM',2,NULL,'0.1.0','f6b6611a2c5120cc');
INSERT INTO filings VALUES(14,1,'fixtures/limits-breach.xml','56323c2e4fc199399438c2131844005573d665b98a03510b9af2b723ac23c97e',4439,'8e3abc86fa8c0392','2024:excerpt(8)+gbt4754:117+prov99:2026-01-01+sei:469;h=a2fe17fc51c55221','checked',NULL,NULL,'GIF-2026Q1-LJ-LIMB-0001','quarterly','2026-01-01','2026-03-31','2026-04-12','91440300MA5U4B7H37','澜江市产业升级基金合伙企业（有限合伙）','mixed','limited-partnership','municipal','440300','1000000000.00','91440300MA5H2K7L1L',4,NULL,'0.1.0','f6b6611a2c5120cc');
INSERT INTO filings VALUES(15,1,'fixtures/limits-chain-leaf.xml','9389b4892460f484215069508f6d0b2336e84f0487335f8c250d0179586b4852',1855,'8e3abc86fa8c0392','2024:excerpt(8)+gbt4754:117+prov99:2026-01-01+sei:469;h=a2fe17fc51c55221','checked',NULL,NULL,'GIF-2026Q1-LJ-LEAF-0001','quarterly','2026-01-01','2026-03-31','2026-04-12','91440300MA5T8L1F2D','澜江市天使子基金合伙企业（有限合伙）','direct','limited-partnership','municipal','440300','200000000.00','91440300MA5H2K7L1L',1,NULL,'0.1.0','f6b6611a2c5120cc');
INSERT INTO filings VALUES(16,1,'fixtures/limits-chain-mid.xml','a9642e818a767fb08d3e2705636fcecb949f630951ac9acb81eb4ceccb18cc11',1807,'8e3abc86fa8c0392','2024:excerpt(8)+gbt4754:117+prov99:2026-01-01+sei:469;h=a2fe17fc51c55221','checked',NULL,NULL,'GIF-2026Q1-LJ-MID-0001','quarterly','2026-01-01','2026-03-31','2026-04-12','91440300MA5T2M4D6H','澜江市科创子基金合伙企业（有限合伙）','fund-of-funds','limited-partnership','municipal','440300','500000000.00','91440300MA5H2K7L1L',1,NULL,'0.1.0','f6b6611a2c5120cc');
INSERT INTO filings VALUES(17,1,'fixtures/limits-missing.xml','d4827feca2726d99e85ecbbd04482bede4f1bbc2c6501c3d969a6e0f175d657a',3103,'8e3abc86fa8c0392','2024:excerpt(8)+gbt4754:117+prov99:2026-01-01+sei:469;h=a2fe17fc51c55221','checked',NULL,NULL,'GIF-2026Q1-LJ-LIMM-0001','quarterly','2026-01-01','2026-03-31','2026-04-12','91440300MA5W9K2J55','澜江市新材料基金合伙企业（有限合伙）','direct','limited-partnership','municipal','440300','1000000000.00','91440300MA5H2K7L1L',3,NULL,'0.1.0','f6b6611a2c5120cc');
INSERT INTO filings VALUES(18,1,'fixtures/limits-near.xml','246a96b2d037badfcc01103c417d5c9206636a31b9f96c4fbb418e0de56525d5',5672,'8e3abc86fa8c0392','2024:excerpt(8)+gbt4754:117+prov99:2026-01-01+sei:469;h=a2fe17fc51c55221','checked',NULL,NULL,'GIF-2026Q1-LJ-LIMN-0001','quarterly','2026-01-01','2026-03-31','2026-04-12','91440300MA5P1N3R4R','澜江市产业引导基金合伙企业（有限合伙）','direct','limited-partnership','municipal','440300','1000000000.00','91440300MA5H2K7L1L',6,NULL,'0.1.0','f6b6611a2c5120cc');
INSERT INTO filings VALUES(19,1,'fixtures/lookthrough-child-a.xml','b11e468b5f7bfadf0f947be09d56432d56d88550688bbd1e5bca8e62281da2b6',3272,'8e3abc86fa8c0392','2024:excerpt(8)+gbt4754:117+prov99:2026-01-01+sei:469;h=a2fe17fc51c55221','checked',NULL,NULL,'GIF-2026Q1-LZ-VC-0011','quarterly','2026-01-01','2026-03-31','2026-04-18','91340100MA8P7R9T3F','江东庐州科技创新创业投资合伙企业（有限合伙）','mixed','limited-partnership','municipal','340100','600000000.00','91340100MA8T6C9D21',3,NULL,'0.1.0','f6b6611a2c5120cc');
INSERT INTO filings VALUES(20,1,'fixtures/lookthrough-child-b.xml','053b49e86d4db2a68029b5bb35c856a6d7a528a18b9f66f00a376cfb8a213eff',2759,'8e3abc86fa8c0392','2024:excerpt(8)+gbt4754:117+prov99:2026-01-01+sei:469;h=a2fe17fc51c55221','checked',NULL,NULL,'GIF-2025Q4-WH-EQ-0012','quarterly','2025-10-01','2025-12-31','2026-01-20','91340200MA8Q3U5W8H','江东芜湖智能装备创业投资合伙企业（有限合伙）','mixed','limited-partnership','municipal','340200','350000000.00','91340200MA8X3J6K14',3,NULL,'0.1.0','f6b6611a2c5120cc');
INSERT INTO filings VALUES(21,1,'fixtures/lookthrough-parent.xml','58e751000486b23c68ab345d8bdf84f8c81427289c600c4e5f75afc1a998dab5',3041,'8e3abc86fa8c0392','2024:excerpt(8)+gbt4754:117+prov99:2026-01-01+sei:469;h=a2fe17fc51c55221','checked',NULL,NULL,'GIF-2026Q1-JD-FOF-0001','quarterly','2026-01-01','2026-03-31','2026-04-20','91340000MA8N2P4Q6D','江东省新兴产业投资母基金合伙企业（有限合伙）','fund-of-funds','limited-partnership','provincial','340000','4000000000.00','91340000MA8N1K3L5U',3,NULL,'0.1.0','f6b6611a2c5120cc');
INSERT INTO filings VALUES(22,1,'fixtures/negative-list.xml','3dce502d8090a183ef8865e14227c13d341ef9bf98be3934265c099aa02b0fa0',7339,'8e3abc86fa8c0392','2024:excerpt(8)+gbt4754:117+prov99:2026-01-01+sei:469;h=a2fe17fc51c55221','checked',NULL,NULL,'GIF-2026Q1-XH-GUIDE-0006','quarterly','2026-01-01','2026-03-31','2026-04-25','91410100MA9G8J2K47','西河市产业引导基金合伙企业（有限合伙）','mixed','limited-partnership','county','410122','600000000.00','91410100MA9F3G5H7P',9,NULL,'0.1.0','f6b6611a2c5120cc');
INSERT INTO filings VALUES(23,1,'fixtures/public-stock.xml','6a0f3cc6e2524f22d170069eb67985ffca83db0cf27c267e765fef5c4a92d223',6945,'8e3abc86fa8c0392','2024:excerpt(8)+gbt4754:117+prov99:2026-01-01+sei:469;h=a2fe17fc51c55221','checked',NULL,NULL,'GIF-2026Q1-QY-IND-0003','quarterly','2026-01-01','2026-03-31','2026-04-16','91350200MA8T1W3X9B','青屿市产业投资基金有限公司','mixed','company','municipal','350200','1200000000.00','91350200MA8R4T6U2T',5,NULL,'0.1.0','f6b6611a2c5120cc');
INSERT INTO filings VALUES(24,1,'fixtures/unlimited-liability.xml','00253df378b47b6c4f326970d6074153703c519f62266db52471fa1ef761e362',4098,'8e3abc86fa8c0392','2024:excerpt(8)+gbt4754:117+prov99:2026-01-01+sei:469;h=a2fe17fc51c55221','checked',NULL,NULL,'GIF-2026Q1-BJ-VC-0005','quarterly','2026-01-01','2026-03-31','2026-04-14','91370200MA3T2W4X6Q','碧江市创业投资引导基金有限公司','mixed','company','municipal','370200','800000000.00','91370200MA3R5T7U97',4,NULL,'0.1.0','f6b6611a2c5120cc');
CREATE TABLE run_filings (
  run_id    INTEGER NOT NULL REFERENCES runs(run_id),
  filing_pk INTEGER NOT NULL REFERENCES filings(filing_pk) ON DELETE CASCADE,
  outcome   TEXT NOT NULL CHECK (outcome IN ('checked', 'error', 'skipped')),
  PRIMARY KEY (run_id, filing_pk)
) WITHOUT ROWID;
INSERT INTO run_filings VALUES(1,1,'checked');
INSERT INTO run_filings VALUES(1,2,'checked');
INSERT INTO run_filings VALUES(1,3,'checked');
INSERT INTO run_filings VALUES(1,4,'checked');
INSERT INTO run_filings VALUES(1,5,'checked');
INSERT INTO run_filings VALUES(1,6,'checked');
INSERT INTO run_filings VALUES(1,7,'checked');
INSERT INTO run_filings VALUES(1,8,'checked');
INSERT INTO run_filings VALUES(1,9,'checked');
INSERT INTO run_filings VALUES(1,10,'checked');
INSERT INTO run_filings VALUES(1,11,'checked');
INSERT INTO run_filings VALUES(1,12,'checked');
INSERT INTO run_filings VALUES(1,13,'checked');
INSERT INTO run_filings VALUES(1,14,'checked');
INSERT INTO run_filings VALUES(1,15,'checked');
INSERT INTO run_filings VALUES(1,16,'checked');
INSERT INTO run_filings VALUES(1,17,'checked');
INSERT INTO run_filings VALUES(1,18,'checked');
INSERT INTO run_filings VALUES(1,19,'checked');
INSERT INTO run_filings VALUES(1,20,'checked');
INSERT INTO run_filings VALUES(1,21,'checked');
INSERT INTO run_filings VALUES(1,22,'checked');
INSERT INTO run_filings VALUES(1,23,'checked');
INSERT INTO run_filings VALUES(1,24,'checked');
CREATE TABLE exemptions (
  filing_pk   INTEGER NOT NULL REFERENCES filings(filing_pk) ON DELETE CASCADE,
  seq         INTEGER NOT NULL,
  rule        TEXT NOT NULL,
  holding_id  TEXT,
  authority   TEXT,
  document    TEXT,
  valid_from  TEXT,
  valid_until TEXT,
  line        INTEGER,
  PRIMARY KEY (filing_pk, seq)
);
INSERT INTO exemptions VALUES(5,1,'derivatives','H002','海西省财政厅','海西财金〔2026〕3号','2026-01-01','2026-12-31',37);
INSERT INTO exemptions VALUES(5,2,'public-stock','H003','海西省财政厅','海西财金〔2024〕17号','2024-01-01','2025-12-31',39);
INSERT INTO exemptions VALUES(5,3,'XYZ-999','','海西省财政厅','海西财金〔2026〕8号','2026-01-01','2026-12-31',41);
CREATE TABLE messages (
  msg_id   INTEGER PRIMARY KEY,
  rule_id  TEXT NOT NULL,
  lang     TEXT NOT NULL,
  template TEXT NOT NULL,
  UNIQUE (rule_id, lang, template)
);
INSERT INTO messages VALUES(1,'DQ-005','zh','全部持仓投资金额合计  元，超过基金实缴规模  元');
INSERT INTO messages VALUES(2,'DQ-005','en','The holdings add up to CNY , more than the paid-in capital of CNY ');
INSERT INTO messages VALUES(3,'DQ-001','zh','基金统一社会信用代码  校验位错误，按 GB 32100-2015 第18位应为“”');
INSERT INTO messages VALUES(4,'DQ-001','en','The fund''s USCC  has a wrong check character; by GB 32100-2015 the 18th character should be ""');
INSERT INTO messages VALUES(5,'IC-006','zh','持仓 （）未申报目录条目，在已加载的《产业结构调整指导目录（年本）》（）中没有与其业务相似度达到 0.5 的鼓励类条目；未能证明属于鼓励类，建议申报目录条目或说明投向依据。');
INSERT INTO messages VALUES(6,'IC-006','en','Holding  () declares no catalogue entry and no encouraged entry of the loaded  edition () reaches a similarity of 0.5 with its business: it is not shown to be encouraged; declare the entry or document the basis of the investment.');
INSERT INTO messages VALUES(7,'DQ-003','zh',' 的统一社会信用代码  校验位错误，第18位应为“”');
INSERT INTO messages VALUES(8,'DQ-003','en','The USCC  of  has a wrong check character; the 18th character should be ""');
INSERT INTO messages VALUES(9,'DQ-004','zh','持仓  的投资金额  元超过基金实缴规模  元');
INSERT INTO messages VALUES(10,'DQ-004','en','Holding  (CNY ) exceeds the fund''s paid-in capital of CNY ');
INSERT INTO messages VALUES(11,'DQ-006','zh','持仓  的取得日期  ');
INSERT INTO messages VALUES(12,'DQ-006','en','Holding  has the acquisition date , ');
INSERT INTO messages VALUES(13,'DRV-001','zh','持仓  为衍生品合约（）');
INSERT INTO messages VALUES(14,'DRV-001','en','Holding  is a derivative contract ()');
INSERT INTO messages VALUES(15,'DRV-003','zh','持仓 （）的名称、投资范围或策略显示其从事期货、期权等衍生品交易：“”');
INSERT INTO messages VALUES(16,'DRV-003','en','Holding  () is a product whose name, mandate or strategy trades futures, options or other derivatives: ""');
INSERT INTO messages VALUES(17,'DRV-002','zh','交易 （，）标的为衍生品合约  ');
INSERT INTO messages VALUES(18,'DRV-002','en','Transaction  (, ) is in the derivative contract  ');
INSERT INTO messages VALUES(19,'DRV-004','zh','载明基金从事衍生品交易：“”');
INSERT INTO messages VALUES(20,'DRV-004','en',' says the fund trades derivatives: ""');
INSERT INTO messages VALUES(21,'DD-001','zh','持仓 （）的投资条款具有债务特征：');
INSERT INTO messages VALUES(22,'DD-001','en','Holding  () has debt-like terms: ');
INSERT INTO messages VALUES(23,'DD-003','zh','持仓  含以上市或业绩为条件、由创始人或控股股东承担的回购条款；属市场化对赌，不单独构成名股实债，但若同时约定固定收益或基金不参与治理，应结合其他特征复核');
INSERT INTO messages VALUES(24,'DD-003','en','Holding  has a founder/controller buy-back conditioned on an IPO or performance targets; this is market-style VAM, not disguised debt by itself, but review it together with any fixed return or lack of governance rights');
INSERT INTO messages VALUES(25,'DD-002','zh','披露事项“”含债务性安排：');
INSERT INTO messages VALUES(26,'DD-002','en','Disclosure "" contains a debt-like arrangement: ');
INSERT INTO messages VALUES(27,'EXM-002','zh','豁免文件 （）有效期至 ，早于报告期末 ，不予适用');
INSERT INTO messages VALUES(28,'EXM-002','en','Exemption  () ends on , before the period end ; it is not applied');
INSERT INTO messages VALUES(29,'EXM-001','zh','豁免文件 （）指向的规则“”不存在，未豁免任何发现');
INSERT INTO messages VALUES(30,'EXM-001','en','Exemption  () names “”, which is neither a rule id nor a category; it waives nothing');
INSERT INTO messages VALUES(31,'PS-003','zh','以方式投资上市公司股票，但设立方案（）未明确可参与该方式');
INSERT INTO messages VALUES(32,'PS-003','en',' invests in listed shares by , which the 设立方案 () does not permit');
INSERT INTO messages VALUES(33,'GU-001','zh','基金向  提供了（，金额  元，）');
INSERT INTO messages VALUES(34,'GU-001','en','The fund gave  a  (guarantee , CNY , )');
INSERT INTO messages VALUES(35,'GU-002','zh','载明由基金提供担保或增信：“”');
INSERT INTO messages VALUES(36,'GU-002','en',' says the fund gives a guarantee or credit support: ""');
INSERT INTO messages VALUES(37,'IC-003','zh','持仓  申报的条目（ 、第条）《产业结构调整指导目录（年本）》中');
INSERT INTO messages VALUES(38,'IC-003','en','Holding  declares an entry (, sector , item ) that is   edition');
INSERT INTO messages VALUES(39,'IC-008','zh','持仓 （）的行业代码 （）不在基金所在省份的省级清单《》内。');
INSERT INTO messages VALUES(40,'IC-008','en','Holding  () has industry code  (), which is outside the fund''s provincial list 《》.');
INSERT INTO messages VALUES(41,'IC-001','zh','持仓 （）申报的目录条目属于《产业结构调整指导目录（年本）》限制类（、第条）。目录说明：「」政府投资基金不得投向限制类产业；如确属现有产能的改造升级，应附证明材料供人工复核。');
INSERT INTO messages VALUES(42,'IC-001','en','Holding  () declares an entry of the restricted class (限制类) of the  edition of 《产业结构调整指导目录》 (sector , item ). The catalogue says: 「」 (new restricted projects are barred from investment; existing capacity may be upgraded). Government investment funds must not invest in restricted industries; an upgrade of existing capacity needs documents for a human review.');
INSERT INTO messages VALUES(43,'IC-005','zh','持仓 （）未申报目录条目，其经营范围与《产业结构调整指导目录（年本）》条目 「」高度相似（相似度 ，命中词：），请人工核实是否投向限制类、淘汰类产业。');
INSERT INTO messages VALUES(44,'IC-005','en','Holding  () declares no catalogue entry and its business closely matches the  entry  「」 (similarity , matched terms: ); a human should check whether it is a restricted or eliminated industry.');
INSERT INTO messages VALUES(45,'UL-001','zh','持仓 ：基金在  中担任普通合伙人，对该合伙企业债务承担无限连带责任');
INSERT INTO messages VALUES(46,'UL-001','en','Holding : the fund is a general partner of  and bears unlimited joint liability for its debts');
INSERT INTO messages VALUES(47,'UL-003','zh','载明基金担任普通合伙人或承担无限责任：“”');
INSERT INTO messages VALUES(48,'UL-003','en',' says the fund is a general partner or bears unlimited liability: ""');
INSERT INTO messages VALUES(49,'NL-001','zh','持仓  为基金对  的债权（，金额  元）');
INSERT INTO messages VALUES(50,'NL-001','en','Holding  is a loan by the fund to  (CNY )');
INSERT INTO messages VALUES(51,'NL-005','zh','持仓 ：被投企业 （行业 ）从事房地产开发经营');
INSERT INTO messages VALUES(52,'NL-005','en','Holding :  (industry ) is a real-estate developer');
INSERT INTO messages VALUES(53,'NL-007','zh','持仓 （）为，属于 210号禁止投资的品种');
INSERT INTO messages VALUES(54,'NL-007','en','Holding  () is a trust product, unprotected wealth product, insurance plan or securities investment fund, which 210号 forbids');
INSERT INTO messages VALUES(55,'NL-009','zh','持仓 （）评级低于AAA：“”');
INSERT INTO messages VALUES(56,'NL-009','en','Holding  () is rated below AAA: ""');
INSERT INTO messages VALUES(57,'NL-004','zh','显示基金对外捐赠或赞助：“”');
INSERT INTO messages VALUES(58,'NL-004','en',' shows a donation or sponsorship by the fund: ""');
INSERT INTO messages VALUES(59,'PS-001','zh','持仓 （ ）系通过取得，属于公开交易类股票投资');
INSERT INTO messages VALUES(60,'PS-001','en','Holding  ( ) was acquired by , which is investing in publicly traded shares');
INSERT INTO messages VALUES(61,'PS-002','zh','交易 （）以方式买入  ，金额  元');
INSERT INTO messages VALUES(62,'PS-002','en','Transaction  () bought   by , amount CNY ');
INSERT INTO messages VALUES(63,'UL-002','zh','持仓 ：被投主体  为普通合伙企业，其合伙人均对合伙企业债务承担无限连带责任（特殊普通合伙中合伙人仍对自身过错承担无限责任）');
INSERT INTO messages VALUES(64,'UL-002','en','Holding :  is a general partnership, whose partners all bear unlimited joint liability for its debts');
INSERT INTO messages VALUES(65,'LT-001','zh','通过子基金间接涉及衍生品交易：（穿透链：）');
INSERT INTO messages VALUES(66,'LT-001','en','Indirect derivatives exposure through a sub-fund:  (chain: )');
INSERT INTO messages VALUES(67,'LT-004','zh','子基金承担无限责任：（穿透链：）');
INSERT INTO messages VALUES(68,'LT-004','en','A sub-fund bears unlimited liability:  (chain: )');
CREATE TABLE texts (
  text_id INTEGER PRIMARY KEY,
  body    TEXT NOT NULL
);
INSERT INTO texts VALUES(1,'sum(amount/@invested): 565000000; size/@paidIn: 400000000.00');
INSERT INTO texts VALUES(2,'uscc: 91500000MA5U8W3X6P; expected: N');
INSERT INTO texts VALUES(3,'closest: 2024/encouraged/钢铁/2; business: 主营：智能座舱域控制器的研发与生产');
INSERT INTO texts VALUES(4,replace('目录版本 2024（2024-02-01 起施行，节选，不完整，8 条）\n2024/encouraged/钢铁/2 相似度 0.03（BM25 0.18），命中词：生产(0.3)','\n',char(10)));
INSERT INTO texts VALUES(5,'uscc: 91500000MA5U9Y4A1G; expected: F');
INSERT INTO texts VALUES(6,'amount/@invested: 450000000.00; fund/size/@paidIn: 400000000.00');
INSERT INTO texts VALUES(7,'business: 主营：制造执行系统（MES）软件');
INSERT INTO texts VALUES(8,'目录版本 2024（2024-02-01 起施行，节选，不完整，8 条）');
INSERT INTO texts VALUES(9,'acquisition/@date: 2026-05-20; period/@end: 2026-03-31');
INSERT INTO texts VALUES(10,'business: 主营：电子级陶瓷基板材料');
INSERT INTO texts VALUES(11,'business: 主营：MEMS压力传感器');
INSERT INTO texts VALUES(12,'instrument/@code: IF2606; instrument/@type: future; instrument/@purpose: speculative');
INSERT INTO texts VALUES(13,'instrument/@code: MO2606-P-5800; instrument/@type: option; instrument/@purpose: hedging');
INSERT INTO texts VALUES(14,'text: 〔instrument，第66行〕宏泰CTA管理期货1号集合资产管理计划');
INSERT INTO texts VALUES(15,'business: 商品期货经纪、金融期货经纪、期货投资咨询');
INSERT INTO texts VALUES(16,'business: 主营：工业设计仿真软件的研发与销售');
INSERT INTO texts VALUES(17,'side: open');
INSERT INTO texts VALUES(18,'text: 〔disclosure[1]，第114行〕报告期内本基金新开立股指期货及股指期权账户，并签署SAC主协议开展收益互换交易');
INSERT INTO texts VALUES(19,'closest: 2024/encouraged/钢铁/2; business: 主营：12英寸晶圆制造用化学机械抛光设备的研发与生产');
INSERT INTO texts VALUES(20,'closest: 2024/encouraged/钢铁/2; business: 主营：协作机器人关节模组及控制器的研发与生产');
INSERT INTO texts VALUES(21,'closest: 2024/encouraged/钢铁/1; business: 主营：基于合成生物学的医药中间体酶法生产工艺研发');
INSERT INTO texts VALUES(22,replace('目录版本 2024（2024-02-01 起施行，节选，不完整，8 条）\n2024/encouraged/钢铁/1 相似度 0.39（BM25 2.81），命中词：技术(1.3) 工艺(1.8)','\n',char(10)));
INSERT INTO texts VALUES(23,'business: 主营：边缘计算人工智能推理芯片设计');
INSERT INTO texts VALUES(24,'信号 固定或最低收益约定(2): 0.065 〔terms/clause[2]，第53行〕无论目标公司经营状况如何，甲方每年按实缴出资额的6.5%取得固定收益，于每年12月20日前支付; 信号 到期或溢价回购安排(2): 〔terms/clause[1]，第52行〕投资期满，由丙方东陵市城市建设投资集团有限公司按甲方实缴出资本金加年化6.5%的溢价受让甲方所持目标公司全部股权; 信号 保本、兜底或差额补足(2): 〔disclosure[1]，第136行〕本基金与东陵市滨湖片区开发建设有限公司另行签署补充协议约定：如目标公司未能按期足额支付约定收益，由东陵市财政局承担差额补足义务; 信号 不参与经营管理、无董事席位和表决权(1): 〔terms/clause[3]，第54行〕甲方不参与目标公司的日常经营管理，不委派董事、监事及高级管理人员; 信号 被投企业为融资平台或政府控制并承担固定回报或回购(2): lgfv 东陵市城市建设投资集团有限公司; 信号 政府方、融资平台或地方国企承担回购、收益、兜底或本金损失(4): 东陵市城市建设投资集团有限公司 〔disclosure[1]，第136行〕本基金与东陵市滨湖片区开发建设有限公司另行签署补充协议约定：如目标公司未能按期足额支付约定收益，由东陵市财政局承担差额补足义务; repurchase/@obligor: 东陵市城市建设投资集团有限公司; fixedReturn/@rate: 0.065');
INSERT INTO texts VALUES(25,'signal fixed or minimum return(2): 0.065 〔terms/clause[2]，第53行〕无论目标公司经营状况如何，甲方每年按实缴出资额的6.5%取得固定收益，于每年12月20日前支付; signal buy-back at maturity or at a premium(2): 〔terms/clause[1]，第52行〕投资期满，由丙方东陵市城市建设投资集团有限公司按甲方实缴出资本金加年化6.5%的溢价受让甲方所持目标公司全部股权; signal principal protection or backstop(2): 〔disclosure[1]，第136行〕本基金与东陵市滨湖片区开发建设有限公司另行签署补充协议约定：如目标公司未能按期足额支付约定收益，由东陵市财政局承担差额补足义务; signal no board seat, no votes, no management role(1): 〔terms/clause[3]，第54行〕甲方不参与目标公司的日常经营管理，不委派董事、监事及高级管理人员; signal LGFV- or government-controlled investee pays a fixed return or buys back(2): lgfv 东陵市城市建设投资集团有限公司; signal government, LGFV or local SOE owes the buy-back, return, backstop or loss(4): 东陵市城市建设投资集团有限公司 〔disclosure[1]，第136行〕本基金与东陵市滨湖片区开发建设有限公司另行签署补充协议约定：如目标公司未能按期足额支付约定收益，由东陵市财政局承担差额补足义务; repurchase/@obligor: 东陵市城市建设投资集团有限公司; fixedReturn/@rate: 0.065');
INSERT INTO texts VALUES(26,'closest: 2024/encouraged/钢铁/1; business: 滨湖片区市政道路、管网等基础设施的投资建设');
INSERT INTO texts VALUES(27,replace('目录版本 2024（2024-02-01 起施行，节选，不完整，8 条）\n2024/encouraged/钢铁/1 相似度 0.23（BM25 1.64），命中词：开发(1.8)','\n',char(10)));
INSERT INTO texts VALUES(28,'信号 固定或最低收益约定(2): 0.058 〔terms/clause[1]，第73行〕补充协议约定：投资期限届满之日，由高新区管委会指定主体按投资本金加年化5.8%的收益无条件回购甲方持有的全部股权; 信号 到期或溢价回购安排(2): 〔terms/clause[1]，第73行〕补充协议约定：投资期限届满之日，由高新区管委会指定主体按投资本金加年化5.8%的收益无条件回购甲方持有的全部股权; 信号 被投企业为融资平台或政府控制并承担固定回报或回购(2): local-government 东陵高新技术产业开发区管理委员会; 信号 政府方、融资平台或地方国企承担回购、收益、兜底或本金损失(4): 东陵高新技术产业开发区管理委员会 〔terms/clause[1]，第73行〕补充协议约定：投资期限届满之日，由高新区管委会指定主体按投资本金加年化5.8%的收益无条件回购甲方持有的全部股权; repurchase/@obligor: 东陵高新技术产业开发区管理委员会; fixedReturn/@rate: 0.058');
INSERT INTO texts VALUES(29,'signal fixed or minimum return(2): 0.058 〔terms/clause[1]，第73行〕补充协议约定：投资期限届满之日，由高新区管委会指定主体按投资本金加年化5.8%的收益无条件回购甲方持有的全部股权; signal buy-back at maturity or at a premium(2): 〔terms/clause[1]，第73行〕补充协议约定：投资期限届满之日，由高新区管委会指定主体按投资本金加年化5.8%的收益无条件回购甲方持有的全部股权; signal LGFV- or government-controlled investee pays a fixed return or buys back(2): local-government 东陵高新技术产业开发区管理委员会; signal government, LGFV or local SOE owes the buy-back, return, backstop or loss(4): 东陵高新技术产业开发区管理委员会 〔terms/clause[1]，第73行〕补充协议约定：投资期限届满之日，由高新区管委会指定主体按投资本金加年化5.8%的收益无条件回购甲方持有的全部股权; repurchase/@obligor: 东陵高新技术产业开发区管理委员会; fixedReturn/@rate: 0.058');
INSERT INTO texts VALUES(30,'business: 高新区标准厂房及配套设施的建设与运营');
INSERT INTO texts VALUES(31,'closest: 2024/encouraged/钢铁/2; business: 主营：焊接机器人及视觉引导系统的研发与生产');
INSERT INTO texts VALUES(32,'clause: 〔terms/clause[1]，第90行〕若目标公司2027年度经审计营业收入低于人民币5亿元，或未能于2029年12月31日前完成合格首次公开发行，甲方有权要求创始股东周某回购甲方所持目标公司股权');
INSERT INTO texts VALUES(33,'closest: 2024/encouraged/钢铁/2; business: 主营：高性能碳纤维及复合材料的研发与生产');
INSERT INTO texts VALUES(34,'closest: 2024/encouraged/钢铁/1; business: 主营：超快激光器及精密加工装备的研发与生产');
INSERT INTO texts VALUES(35,replace('目录版本 2024（2024-02-01 起施行，节选，不完整，8 条）\n2024/encouraged/钢铁/1 相似度 0.23（BM25 1.64），命中词：装备(1.8)','\n',char(10)));
INSERT INTO texts VALUES(36,'信号 保本、兜底或差额补足(2): 〔disclosure[1]，第136行〕本基金与东陵市滨湖片区开发建设有限公司另行签署补充协议约定：如目标公司未能按期足额支付约定收益，由东陵市财政局承担差额补足义务; 信号 政府方、融资平台或政府出资人承担回购、收益、兜底或本金损失(4): 〔disclosure[1]，第136行〕本基金与东陵市滨湖片区开发建设有限公司另行签署补充协议约定：如目标公司未能按期足额支付约定收益，由东陵市财政局承担差额补足义务');
INSERT INTO texts VALUES(37,'signal principal protection or backstop(2): 〔disclosure[1]，第136行〕本基金与东陵市滨湖片区开发建设有限公司另行签署补充协议约定：如目标公司未能按期足额支付约定收益，由东陵市财政局承担差额补足义务; signal government side or LGFV owes the buy-back, return, backstop or loss(4): 〔disclosure[1]，第136行〕本基金与东陵市滨湖片区开发建设有限公司另行签署补充协议约定：如目标公司未能按期足额支付约定收益，由东陵市财政局承担差额补足义务');
INSERT INTO texts VALUES(38,'exemption/@until: 2025-12-31; header/period/@end: 2026-03-31');
INSERT INTO texts VALUES(39,'exemption/@rule: XYZ-999; exemption/@document: 海西财金〔2026〕8号');
INSERT INTO texts VALUES(40,'instrument/@code: IC2606; instrument/@type: future; instrument/@purpose: speculative');
INSERT INTO texts VALUES(41,'instrument/@type: forward; instrument/@purpose: hedging');
INSERT INTO texts VALUES(42,'method: private-placement; establishmentPlan/permits: [merger-restructuring]; code: 600975');
INSERT INTO texts VALUES(43,'豁免 海西财金〔2024〕17号（海西省财政厅，2024-01-01 至 2025-12-31，第 39 行）未适用：其有效期未覆盖报告期 2026-01-01 至 2026-03-31');
INSERT INTO texts VALUES(44,'closest: 2024/encouraged/钢铁/2; business: 主营：水稻、玉米分子标记辅助育种及基因编辑育种技术研发');
INSERT INTO texts VALUES(45,replace('目录版本 2024（2024-02-01 起施行，节选，不完整，8 条）\n2024/encouraged/钢铁/2 相似度 0.20（BM25 1.44），命中词：技术(1.3)','\n',char(10)));
INSERT INTO texts VALUES(46,'closest: 2024/encouraged/钢铁/1; business: 主营：丘陵山区小型智能收获机械');
INSERT INTO texts VALUES(47,'closest: 2024/encouraged/钢铁/2; business: 主营：动力电池电芯及模组的研发与生产');
INSERT INTO texts VALUES(48,'business: 为中小微企业提供贷款担保、票据承兑担保等融资担保服务');
INSERT INTO texts VALUES(49,'type: guarantee; beneficiary: 澄湖新城建设发展有限公司; amount: 50000000.00; text: 为其向澄湖农村商业银行借款5000万元提供连带责任保证，保证期间为主债务履行期届满之日起三年。');
INSERT INTO texts VALUES(50,'type: shortfall; beneficiary: 澄湖物流园区开发有限公司; amount: 80000000.00; text: 就澄湖物流园区二期项目专项贷款的本息向贷款银行承担差额补足义务。');
INSERT INTO texts VALUES(51,'text: 〔disclosure[1]，第85行〕本基金于2026年3月向澄湖银行出具《差额补足承诺函》，承诺如澄湖智慧停车项目公司未能按期偿还贷款本息，由本基金补足差额部分; credit-support: 〔disclosure[1]，第85行〕本基金于2026年3月向澄湖银行出具《差额补足承诺函》，承诺如澄湖智慧停车项目公司未能按期偿还贷款本息，由本基金补足差额部分; owed-by: fund');
INSERT INTO texts VALUES(52,'信号 条目不在已加载的目录版本中(1): ✓; catalogEntry: encouraged 四十九/3; edition: 2024 excerpt');
INSERT INTO texts VALUES(53,'signal entry not in the loaded edition(1): ✓; catalogEntry: encouraged 四十九/3; edition: 2024 excerpt');
INSERT INTO texts VALUES(54,'closest: 2024/encouraged/钢铁/1; business: 主营：特色工艺集成电路晶圆制造');
INSERT INTO texts VALUES(55,replace('目录版本 2024（2024-02-01 起施行，节选，不完整，8 条）\n2024/encouraged/钢铁/1 相似度 0.23（BM25 1.64），命中词：工艺(1.8)','\n',char(10)));
INSERT INTO texts VALUES(56,'business: 主营：连锁正餐服务');
INSERT INTO texts VALUES(57,'industry: H6210; list: 示例省重点产业领域清单（示例数据，非官方）（2026-01-01）');
INSERT INTO texts VALUES(58,'catalogEntry: 2024 restricted 一/3; edition: 2024 excerpt; business: 主营：松香、松节油的生产与销售，松脂初加工');
INSERT INTO texts VALUES(59,'entry: 2024/restricted/一/2; business: 主营：单线3万立方米/年普通刨花板生产装置的建设与运营，中密度纤维板销售; matched: 单线、万立方米、普通刨花板生产装置、中密度纤维板');
INSERT INTO texts VALUES(60,replace('目录版本 2024（2024-02-01 起施行，节选，不完整，8 条）\n2024/restricted/一/2 相似度 1.00（BM25 31.32），命中词：单线(1.8) 万立方米(5.4) 普通刨花板生产装置(12.9) 中密度纤维板(9.0)\n2024/restricted/一/2 规模条件符合（30000 立方米 / 50000 立方米）','\n',char(10)));
INSERT INTO texts VALUES(61,'closest: 2024/encouraged/钢铁/2; business: 主营：单线3万立方米/年普通刨花板生产装置的建设与运营，中密度纤维板销售');
INSERT INTO texts VALUES(62,'closest: 2024/encouraged/钢铁/2; business: 主营：采用自动化密闭式高效率混合生产工艺生产兽用粉剂、散剂');
INSERT INTO texts VALUES(63,replace('目录版本 2024（2024-02-01 起施行，节选，不完整，8 条）\n2024/encouraged/钢铁/2 相似度 0.25（BM25 1.80），命中词：高效(1.8) 生产(0.3)','\n',char(10)));
INSERT INTO texts VALUES(64,'实测: 0.5833; 限额: min 0.60; 数据覆盖: 1; 设定文件: 澜财金〔2025〕22号');
INSERT INTO texts VALUES(65,'measured: 0.5833; bound: min 0.60; data coverage: 1; set by: 澜财金〔2025〕22号');
INSERT INTO texts VALUES(66,'govShare: 0.45; 限额: max 0.40; 设定文件: 澜财金〔2025〕22号');
INSERT INTO texts VALUES(67,'govShare: 0.45; bound: max 0.40; set by: 澜财金〔2025〕22号');
INSERT INTO texts VALUES(68,'实测: 0.4167; 限额: min 0.50; 数据覆盖: 1; 设定文件: 澜江市政府投资基金管理办法 第十二条');
INSERT INTO texts VALUES(69,'measured: 0.4167; bound: min 0.50; data coverage: 1; set by: 澜江市政府投资基金管理办法 第十二条');
INSERT INTO texts VALUES(70,'closest: 2024/encouraged/钢铁/2; business: 主营：研发与生产');
INSERT INTO texts VALUES(71,'被投企业: 沪东光刻材料有限公司（91310115MA1K3P7Q9W）; 持仓: H001; 实测: 0.25; 限额: max 0.20; 设定文件: 澜财金〔2025〕22号');
INSERT INTO texts VALUES(72,'investee: 沪东光刻材料有限公司（91310115MA1K3P7Q9W）; holdings: H001; measured: 0.25; bound: max 0.20; set by: 澜财金〔2025〕22号');
INSERT INTO texts VALUES(73,'持股比例: 0.35; 限额: max 0.30; 设定文件: 澜财金〔2025〕22号');
INSERT INTO texts VALUES(74,'ownership: 0.35; bound: max 0.30; set by: 澜财金〔2025〕22号');
INSERT INTO texts VALUES(75,'closest: 2024/encouraged/钢铁/1; business: 主营：研发与生产');
INSERT INTO texts VALUES(76,'缺少数据: 设立方案未列 focusIndustries（主投领域代码）; 设定文件: 澜财金〔2025〕25号');
INSERT INTO texts VALUES(77,'missing: the establishment plan lists no focusIndustries; set by: 澜财金〔2025〕25号');
INSERT INTO texts VALUES(78,'缺少数据: 未申报 fund/govShare（政府出资比例）; 设定文件: 澜财金〔2025〕25号');
INSERT INTO texts VALUES(79,'missing: fund/govShare is not filed; set by: 澜财金〔2025〕25号');
INSERT INTO texts VALUES(80,'实测: 0.4; 限额: max 0.60; 数据覆盖: 0.4; 设定文件: 澜财金〔2025〕25号');
INSERT INTO texts VALUES(81,'measured: 0.4; bound: max 0.60; data coverage: 0.4; set by: 澜财金〔2025〕25号');
INSERT INTO texts VALUES(82,'缺少数据: 该持仓未申报 amount/@ownership（持股比例）; 设定文件: 澜财金〔2025〕25号');
INSERT INTO texts VALUES(83,'missing: the holding files no amount/@ownership; set by: 澜财金〔2025〕25号');
INSERT INTO texts VALUES(84,'instrument/@code: rb2605; instrument/@type: future; instrument/@purpose: speculative');
INSERT INTO texts VALUES(85,'closest: 2024/encouraged/钢铁/2; business: 主营：量子密钥分发设备');
INSERT INTO texts VALUES(86,'role: general-partner; investee: 芜湖机器人产业创业投资合伙企业（有限合伙）');
INSERT INTO texts VALUES(87,'text: 〔note，第40行〕本基金担任该合伙企业的普通合伙人');
INSERT INTO texts VALUES(88,'category: loan; note: 通过西河农村商业银行向该公司发放委托贷款3000万元，期限两年，年利率5.2%。');
INSERT INTO texts VALUES(89,'closest: 2024/encouraged/钢铁/1; business: 房地产开发经营；商品房销售');
INSERT INTO texts VALUES(90,'industry: K7010; business: 〔investee/business，第52行〕房地产开发经营');
INSERT INTO texts VALUES(91,'category: wealth-management; instrument: 恒信理财稳盈180天持有期非保本浮动收益型理财产品; note: 非保本浮动收益型理财产品，风险等级R3。');
INSERT INTO texts VALUES(92,'category: trust; instrument: 恒达·安泰23号集合资金信托计划; note: 预期年化收益率5.8%，期限24个月。');
INSERT INTO texts VALUES(93,'rating: 债项评级AA+');
INSERT INTO texts VALUES(94,'closest: 2024/encouraged/钢铁/1; business: 主营：建筑信息模型（BIM）软件研发，客户包括施工企业和房地产开发企业');
INSERT INTO texts VALUES(95,'text: 〔disclosure[1]，第148行〕报告期内本基金向西河县食品行业商会捐赠人民币200万元，用于举办行业博览会');
INSERT INTO texts VALUES(96,'closest: 2024/encouraged/钢铁/2; business: 主营：储能用磷酸铁锂电池的研发与生产');
INSERT INTO texts VALUES(97,'method: private-placement; establishmentPlan/permits: [strategic-placement]; code: 300928');
INSERT INTO texts VALUES(98,'business: 主营：车规级功率半导体器件的设计与制造');
INSERT INTO texts VALUES(99,'closest: 2024/encouraged/钢铁/1; business: 主营：海上风电运维船舶及配套装备');
INSERT INTO texts VALUES(100,'business: 主营：激光雷达光学模组');
INSERT INTO texts VALUES(101,'acquisition/@method: secondary-market; acquisition/@date: 2025-10-21; code: 002977');
INSERT INTO texts VALUES(102,'instrument/@code: 600519; board: sse-main; amount: 1650000.00');
INSERT INTO texts VALUES(103,'instrument/@code: 688801; board: star; amount: 162500.00');
INSERT INTO texts VALUES(104,'role: general-partner; investee: 碧江蓝海创业投资合伙企业（有限合伙）');
INSERT INTO texts VALUES(105,'text: 〔note，第43行〕本基金作为普通合伙人暨执行事务合伙人认缴出资1000万元');
INSERT INTO texts VALUES(106,'investee/@legalForm: general-partnership; investee: 碧江海工技术服务中心（普通合伙）');
INSERT INTO texts VALUES(107,'子基金发现: DRV-001 (直接持有期货、期权或其他衍生品); 穿透链: 江东省新兴产业投资母基金合伙企业（有限合伙）（91340000MA8N2P4Q6D） → 江东庐州科技创新创业投资合伙企业（有限合伙）（91340100MA8P7R9T3F） → 持仓 H002');
INSERT INTO texts VALUES(108,'sub-fund finding: DRV-001 (Direct holding of futures, options or other derivatives); chain: 江东省新兴产业投资母基金合伙企业（有限合伙）（91340000MA8N2P4Q6D） → 江东庐州科技创新创业投资合伙企业（有限合伙）（91340100MA8P7R9T3F） → 持仓 H002');
INSERT INTO texts VALUES(109,'子基金发现: UL-001 (基金担任普通合伙人); 穿透链: 江东省新兴产业投资母基金合伙企业（有限合伙）（91340000MA8N2P4Q6D） → 江东庐州科技创新创业投资合伙企业（有限合伙）（91340100MA8P7R9T3F） → 江东芜湖智能装备创业投资合伙企业（有限合伙）（91340200MA8Q3U5W8H） → 持仓 H001');
INSERT INTO texts VALUES(110,'sub-fund finding: UL-001 (The fund is a general partner); chain: 江东省新兴产业投资母基金合伙企业（有限合伙）（91340000MA8N2P4Q6D） → 江东庐州科技创新创业投资合伙企业（有限合伙）（91340100MA8P7R9T3F） → 江东芜湖智能装备创业投资合伙企业（有限合伙）（91340200MA8Q3U5W8H） → 持仓 H001');
INSERT INTO texts VALUES(111,'子基金发现: UL-001 (基金担任普通合伙人); 穿透链: 江东庐州科技创新创业投资合伙企业（有限合伙）（91340100MA8P7R9T3F） → 江东芜湖智能装备创业投资合伙企业（有限合伙）（91340200MA8Q3U5W8H） → 持仓 H001');
INSERT INTO texts VALUES(112,'sub-fund finding: UL-001 (The fund is a general partner); chain: 江东庐州科技创新创业投资合伙企业（有限合伙）（91340100MA8P7R9T3F） → 江东芜湖智能装备创业投资合伙企业（有限合伙）（91340200MA8Q3U5W8H） → 持仓 H001');
CREATE TABLE finding_rows (
  finding_pk       INTEGER PRIMARY KEY,
  run_id           INTEGER NOT NULL REFERENCES runs(run_id),
  filing_pk        INTEGER NOT NULL REFERENCES filings(filing_pk) ON DELETE CASCADE,
  seq              INTEGER NOT NULL,
  holding_id       TEXT,
  item             TEXT,
  rule_id          TEXT NOT NULL,
  severity_rank    INTEGER NOT NULL CHECK (severity_rank IN (0, 1, 2)),
  msg_zh           INTEGER REFERENCES messages(msg_id),
  args_zh          TEXT NOT NULL,
  msg_en           INTEGER REFERENCES messages(msg_id),
  args_en          TEXT NOT NULL,
  evidence_zh      INTEGER REFERENCES texts(text_id),
  evidence_en      INTEGER REFERENCES texts(text_id),
  explanation      INTEGER REFERENCES texts(text_id),
  catalog_edition  TEXT,
  line             INTEGER,
  xpath            TEXT,
  derived          INTEGER NOT NULL DEFAULT 0,
  chain            TEXT,
  exempted         INTEGER NOT NULL DEFAULT 0,
  exempted_by      TEXT,
  exempt_authority TEXT,
  exempt_from      TEXT,
  exempt_until     TEXT
);
INSERT INTO finding_rows VALUES(1,1,1,1,NULL,NULL,'DQ-005',1,1,'["565000000","400000000.00"]',2,'["565000000","400000000.00"]',1,1,NULL,NULL,19,'/filing/fund',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(2,1,1,2,NULL,NULL,'DQ-001',1,3,'["91500000MA5U8W3X6P","N"]',4,'["91500000MA5U8W3X6P","N"]',2,2,NULL,NULL,20,'/filing/fund/uscc',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(3,1,1,3,'H001','H001','IC-006',0,5,'["H001","渝山车联电子科技有限公司","2024","节选，不完整","（节选中没有不等于目录中没有）"]',6,'["H001","渝山车联电子科技有限公司","2024","excerpt"," (not in the loaded excerpt is not \"not in the catalogue\")"]',3,3,4,'2024',38,'/filing/holdings/holding[1]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(4,1,1,4,'H001','H001','DQ-003',1,7,'["渝山车联电子科技有限公司","91500000MA5U9Y4A1G","F"]',8,'["91500000MA5U9Y4A1G","渝山车联电子科技有限公司","F"]',5,5,NULL,NULL,39,'/filing/holdings/holding[1]/investee/@uscc',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(5,1,1,5,'H002','H002','DQ-004',1,9,'["H002","450000000.00","400000000.00"]',10,'["H002","450000000.00","400000000.00"]',6,6,NULL,NULL,55,'/filing/holdings/holding[2]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(6,1,1,6,'H002','H002','IC-006',0,5,'["H002","渝山工业软件有限公司","2024","节选，不完整","（节选中没有不等于目录中没有）"]',6,'["H002","渝山工业软件有限公司","2024","excerpt"," (not in the loaded excerpt is not \"not in the catalogue\")"]',7,7,8,'2024',55,'/filing/holdings/holding[2]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(7,1,1,7,'H003','H003','DQ-006',1,11,'["H003","2026-05-20","晚于报告期末 2026-03-31"]',12,'["H003","2026-05-20","after the period end 2026-03-31"]',9,9,NULL,NULL,72,'/filing/holdings/holding[3]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(8,1,1,8,'H003','H003','IC-006',0,5,'["H003","渝山新材科技有限公司","2024","节选，不完整","（节选中没有不等于目录中没有）"]',6,'["H003","渝山新材科技有限公司","2024","excerpt"," (not in the loaded excerpt is not \"not in the catalogue\")"]',10,10,8,'2024',72,'/filing/holdings/holding[3]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(9,1,1,9,'H004','H004','IC-006',0,5,'["H004","渝山精密传感器有限公司","2024","节选，不完整","（节选中没有不等于目录中没有）"]',6,'["H004","渝山精密传感器有限公司","2024","excerpt"," (not in the loaded excerpt is not \"not in the catalogue\")"]',11,11,8,'2024',89,'/filing/holdings/holding[4]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(10,1,2,1,'H001','H001','DRV-001',2,13,'["H001"," IF2606 沪深300股指期货2606合约","CFFEX",""]',14,'["H001"," IF2606 沪深300股指期货2606合约","CFFEX",""]',12,12,NULL,NULL,36,'/filing/holdings/holding[1]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(11,1,2,2,'H002','H002','DRV-001',2,13,'["H002"," MO2606-P-5800 中证1000股指期权2606认沽合约","CFFEX","；申报用途为套期保值，但《办法》未设套保例外"]',14,'["H002"," MO2606-P-5800 中证1000股指期权2606认沽合约","CFFEX","; declared as hedging, but the 办法 has no hedging exception"]',13,13,NULL,NULL,47,'/filing/holdings/holding[2]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(12,1,2,3,'H003','H003','DRV-003',2,15,'["H003","南漪宏泰期货资产管理有限公司 宏泰CTA管理期货1号集合资产管理计划","宏泰CTA管理期货1号集合资产管理计划"]',16,'["H003","南漪宏泰期货资产管理有限公司 宏泰CTA管理期货1号集合资产管理计划","宏泰CTA管理期货1号集合资产管理计划"]',14,14,NULL,NULL,57,'/filing/holdings/holding[3]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(13,1,2,4,'H004','H004','IC-006',0,5,'["H004","南漪信达期货有限公司","2024","节选，不完整","（节选中没有不等于目录中没有）"]',6,'["H004","南漪信达期货有限公司","2024","excerpt"," (not in the loaded excerpt is not \"not in the catalogue\")"]',15,15,8,'2024',69,'/filing/holdings/holding[4]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(14,1,2,5,'H005','H005','IC-006',0,5,'["H005","南漪数算科技有限公司","2024","节选，不完整","（节选中没有不等于目录中没有）"]',6,'["H005","南漪数算科技有限公司","2024","excerpt"," (not in the loaded excerpt is not \"not in the catalogue\")"]',16,16,8,'2024',86,'/filing/holdings/holding[5]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(15,1,2,6,NULL,'T001','DRV-002',2,17,'["T001","2026-02-12","open","","与某证券公司签订的挂钩中证500指数的收益互换"]',18,'["T001","2026-02-12","open","","与某证券公司签订的挂钩中证500指数的收益互换"]',17,17,NULL,NULL,107,'/filing/transactions/transaction',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(16,1,2,7,NULL,NULL,'DRV-004',2,19,'["披露事项","报告期内本基金新开立股指期货及股指期权账户，并签署SAC主协议开展收益互换交易"]',20,'["A disclosure","报告期内本基金新开立股指期货及股指期权账户，并签署SAC主协议开展收益互换交易"]',18,18,NULL,NULL,114,'/filing/disclosures/disclosure[1]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(17,1,3,1,'H001','H001','IC-006',0,5,'["H001","澜江芯研半导体科技有限公司","2024","节选，不完整","（节选中没有不等于目录中没有）"]',6,'["H001","澜江芯研半导体科技有限公司","2024","excerpt"," (not in the loaded excerpt is not \"not in the catalogue\")"]',19,19,4,'2024',33,'/filing/holdings/holding[1]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(18,1,3,2,'H002','H002','IC-006',0,5,'["H002","澜江灵动机器人有限公司","2024","节选，不完整","（节选中没有不等于目录中没有）"]',6,'["H002","澜江灵动机器人有限公司","2024","excerpt"," (not in the loaded excerpt is not \"not in the catalogue\")"]',20,20,4,'2024',51,'/filing/holdings/holding[2]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(19,1,3,3,'H003','H003','IC-006',0,5,'["H003","澜江合成生物技术有限公司","2024","节选，不完整","（节选中没有不等于目录中没有）"]',6,'["H003","澜江合成生物技术有限公司","2024","excerpt"," (not in the loaded excerpt is not \"not in the catalogue\")"]',21,21,22,'2024',68,'/filing/holdings/holding[3]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(20,1,3,4,'H004','H004','IC-006',0,5,'["H004","澜江视界智能科技有限公司","2024","节选，不完整","（节选中没有不等于目录中没有）"]',6,'["H004","澜江视界智能科技有限公司","2024","excerpt"," (not in the loaded excerpt is not \"not in the catalogue\")"]',23,23,8,'2024',86,'/filing/holdings/holding[4]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(21,1,4,1,'H001','H001','DD-001',2,21,'["H001","东陵市滨湖片区开发建设有限公司","固定或最低收益约定、到期或溢价回购安排、保本、兜底或差额补足、不参与经营管理、无董事席位和表决权、被投企业为融资平台或政府控制并承担固定回报或回购、政府方、融资平台或地方国企承担回购、收益、兜底或本金损失"]',22,'["H001","东陵市滨湖片区开发建设有限公司","fixed or minimum return, buy-back at maturity or at a premium, principal protection or backstop, no board seat, no votes, no management role, LGFV- or government-controlled investee pays a fixed return or buys back, government, LGFV or local SOE owes the buy-back, return, backstop or loss"]',24,25,NULL,NULL,36,'/filing/holdings/holding[1]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(22,1,4,2,'H001','H001','IC-006',0,5,'["H001","东陵市滨湖片区开发建设有限公司","2024","节选，不完整","（节选中没有不等于目录中没有）"]',6,'["H001","东陵市滨湖片区开发建设有限公司","2024","excerpt"," (not in the loaded excerpt is not \"not in the catalogue\")"]',26,26,27,'2024',36,'/filing/holdings/holding[1]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(23,1,4,3,'H002','H002','DD-001',2,21,'["H002","东陵高新区智慧园区建设运营有限公司","固定或最低收益约定、到期或溢价回购安排、被投企业为融资平台或政府控制并承担固定回报或回购、政府方、融资平台或地方国企承担回购、收益、兜底或本金损失"]',22,'["H002","东陵高新区智慧园区建设运营有限公司","fixed or minimum return, buy-back at maturity or at a premium, LGFV- or government-controlled investee pays a fixed return or buys back, government, LGFV or local SOE owes the buy-back, return, backstop or loss"]',28,29,NULL,NULL,59,'/filing/holdings/holding[2]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(24,1,4,4,'H002','H002','IC-006',0,5,'["H002","东陵高新区智慧园区建设运营有限公司","2024","节选，不完整","（节选中没有不等于目录中没有）"]',6,'["H002","东陵高新区智慧园区建设运营有限公司","2024","excerpt"," (not in the loaded excerpt is not \"not in the catalogue\")"]',30,30,8,'2024',59,'/filing/holdings/holding[2]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(25,1,4,5,'H003','H003','IC-006',0,5,'["H003","东陵精工机器人有限公司","2024","节选，不完整","（节选中没有不等于目录中没有）"]',6,'["H003","东陵精工机器人有限公司","2024","excerpt"," (not in the loaded excerpt is not \"not in the catalogue\")"]',31,31,4,'2024',77,'/filing/holdings/holding[3]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(26,1,4,6,'H003','H003','DD-003',0,23,'["H003"]',24,'["H003"]',32,32,NULL,NULL,90,'/filing/holdings/holding[3]/terms/clause[1]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(27,1,4,7,'H004','H004','IC-006',0,5,'["H004","东陵碳纤维新材料有限公司","2024","节选，不完整","（节选中没有不等于目录中没有）"]',6,'["H004","东陵碳纤维新材料有限公司","2024","excerpt"," (not in the loaded excerpt is not \"not in the catalogue\")"]',33,33,4,'2024',96,'/filing/holdings/holding[4]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(28,1,4,8,'H005','H005','IC-006',0,5,'["H005","东陵光谷激光科技有限公司","2024","节选，不完整","（节选中没有不等于目录中没有）"]',6,'["H005","东陵光谷激光科技有限公司","2024","excerpt"," (not in the loaded excerpt is not \"not in the catalogue\")"]',34,34,35,'2024',114,'/filing/holdings/holding[5]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(29,1,4,9,NULL,NULL,'DD-002',2,25,'["side-letter","保本、兜底或差额补足、政府方、融资平台或政府出资人承担回购、收益、兜底或本金损失"]',26,'["side-letter","principal protection or backstop, government side or LGFV owes the buy-back, return, backstop or loss"]',36,37,NULL,NULL,136,'/filing/disclosures/disclosure[1]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(30,1,5,1,NULL,NULL,'EXM-002',1,27,'["海西财金〔2024〕17号","海西省财政厅","2025-12-31","2026-03-31"]',28,'["海西财金〔2024〕17号","海西省财政厅","2025-12-31","2026-03-31"]',38,38,NULL,NULL,39,'/filing/fund/exemptions/exemption[2]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(31,1,5,2,NULL,NULL,'EXM-001',1,29,'["海西财金〔2026〕8号","海西省财政厅","XYZ-999"]',30,'["海西财金〔2026〕8号","海西省财政厅","XYZ-999"]',39,39,NULL,NULL,41,'/filing/fund/exemptions/exemption[3]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(32,1,5,3,'H001','H001','DRV-001',2,13,'["H001"," IC2606 中证500股指期货2606合约","CFFEX",""]',14,'["H001"," IC2606 中证500股指期货2606合约","CFFEX",""]',40,40,NULL,NULL,45,'/filing/holdings/holding[1]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(33,1,5,4,'H002','H002','DRV-001',2,13,'["H002"," 欧元远期结售汇","交割日2026-09-30","（OTC）；申报用途为套期保值，但《办法》未设套保例外"]',14,'["H002"," 欧元远期结售汇（交割日2026-09-30）","OTC","; declared as hedging, but the 办法 has no hedging exception"]',41,41,NULL,NULL,55,'/filing/holdings/holding[2]',0,NULL,1,'海西财金〔2026〕3号','海西省财政厅','2026-01-01','2026-12-31');
INSERT INTO finding_rows VALUES(34,1,5,5,'H003','H003','PS-003',2,31,'["持仓 H003","定向增发","海西财金〔2023〕4号"]',32,'["Holding H003","private-placement","海西财金〔2023〕4号"]',42,42,43,NULL,66,'/filing/holdings/holding[3]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(35,1,7,1,'H001','H001','IC-006',0,5,'["H001","桂山𠮷禾生物育种科技有限公司","2024","节选，不完整","（节选中没有不等于目录中没有）"]',6,'["H001","桂山𠮷禾生物育种科技有限公司","2024","excerpt"," (not in the loaded excerpt is not \"not in the catalogue\")"]',44,44,45,'2024',33,'/filing/holdings/holding[1]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(36,1,7,2,'H002','H002','IC-006',0,5,'["H002","桂山智农装备有限公司","2024","节选，不完整","（节选中没有不等于目录中没有）"]',6,'["H002","桂山智农装备有限公司","2024","excerpt"," (not in the loaded excerpt is not \"not in the catalogue\")"]',46,46,35,'2024',51,'/filing/holdings/holding[2]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(37,1,8,1,'H001','H001','IC-006',0,5,'["H001","澄湖智造动力电池有限公司","2024","节选，不完整","（节选中没有不等于目录中没有）"]',6,'["H001","澄湖智造动力电池有限公司","2024","excerpt"," (not in the loaded excerpt is not \"not in the catalogue\")"]',47,47,4,'2024',36,'/filing/holdings/holding[1]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(38,1,8,2,'H002','H002','IC-006',0,5,'["H002","澄湖市融资担保有限公司","2024","节选，不完整","（节选中没有不等于目录中没有）"]',6,'["H002","澄湖市融资担保有限公司","2024","excerpt"," (not in the loaded excerpt is not \"not in the catalogue\")"]',48,48,8,'2024',55,'/filing/holdings/holding[2]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(39,1,8,3,NULL,'G001','GU-001',2,33,'["澄湖新城建设发展有限公司","保证担保","G001","50000000.00","2026-01-20",""]',34,'["澄湖新城建设发展有限公司","guarantee","G001","50000000.00","2026-01-20",""]',49,49,NULL,NULL,75,'/filing/guarantees/guarantee[1]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(40,1,8,4,NULL,'G002','GU-001',2,33,'["澄湖物流园区开发有限公司","差额补足承诺","G002","80000000.00","2026-02-14",""]',34,'["澄湖物流园区开发有限公司","shortfall","G002","80000000.00","2026-02-14",""]',50,50,NULL,NULL,79,'/filing/guarantees/guarantee[2]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(41,1,8,5,NULL,NULL,'GU-002',2,35,'["披露事项","本基金于2026年3月向澄湖银行出具《差额补足承诺函》，承诺如澄湖智慧停车项目公司未能按期偿还贷款本息，由本基金补足差额部分"]',36,'["A disclosure","本基金于2026年3月向澄湖银行出具《差额补足承诺函》，承诺如澄湖智慧停车项目公司未能按期偿还贷款本息，由本基金补足差额部分"]',51,51,NULL,NULL,85,'/filing/disclosures/disclosure[1]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(42,1,10,1,'H001','H001','IC-003',0,37,'["H001","鼓励类","四十九","3","不在已加载的节选","2024","。节选不完整：不在节选中不等于不在目录中；导入完整官方文本后才能核对（见 docs/catalog.md）。"]',38,'["H001","encouraged","四十九","3","not","in the loaded excerpt of the 2024",". The excerpt is incomplete: \"not in the loaded excerpt\" is not \"not in the catalogue\"; import the "]',52,53,8,'2024',27,'/filing/holdings/holding',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(43,1,11,1,'H001','H001','IC-006',0,5,'["H001","示例芯联集成电路制造有限公司","2024","节选，不完整","（节选中没有不等于目录中没有）"]',6,'["H001","示例芯联集成电路制造有限公司","2024","excerpt"," (not in the loaded excerpt is not \"not in the catalogue\")"]',54,54,55,'2024',27,'/filing/holdings/holding[1]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(44,1,11,2,'H002','H002','IC-006',0,5,'["H002","示例味道餐饮管理有限公司","2024","节选，不完整","（节选中没有不等于目录中没有）"]',6,'["H002","示例味道餐饮管理有限公司","2024","excerpt"," (not in the loaded excerpt is not \"not in the catalogue\")"]',56,56,8,'2024',39,'/filing/holdings/holding[2]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(45,1,11,3,'H002','H002','IC-008',0,39,'["H002","示例味道餐饮管理有限公司","H6210","餐饮业","示例省重点产业领域清单（示例数据，非官方）（2026-01-01）"]',40,'["H002","示例味道餐饮管理有限公司","H6210","餐饮业","示例省重点产业领域清单（示例数据，非官方）（2026-01-01）"]',57,57,NULL,NULL,39,'/filing/holdings/holding[2]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(46,1,12,1,'H001','H001','IC-001',2,41,'["H001","青岚林源林产化工有限公司","2024","一","3","「1000吨/年以下的松香生产项目,松脂初加工项目」","对属于限制类的新建项目,禁止投资。……对属于限制类的现有生产能力,允许企业在一定期限内采取措施改造升级,金融机构按信贷原则继续给予支持。"]',42,'["H001","青岚林源林产化工有限公司","2024","一","3 「1000吨/年以下的松香生产项目,松脂初加工项目」","对属于限制类的新建项目,禁止投资。……对属于限制类的现有生产能力,允许企业在一定期限内采取措施改造升级,金融机构按信贷原则继续给予支持。"]',58,58,8,'2024',27,'/filing/holdings/holding[1]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(47,1,13,1,'H001','H001','IC-005',1,43,'["H001","青岚森华人造板有限公司","2024","限制类","2024/restricted/一/2","单线5万立方米/年以下的普通刨花板、高中密度纤维板生产装置","1","单线、万立方米、普通刨花板生产装置、中密度纤维板"]',44,'["H001","青岚森华人造板有限公司","restricted","2024/restricted/一/2","单线5万立方米/年以下的普通刨花板、高中密度纤维板生产装置","1","单线、万立方米、普通刨花板生产装置、中密度纤维板"]',59,59,60,'2024',27,'/filing/holdings/holding[1]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(48,1,13,2,'H001','H001','IC-006',0,5,'["H001","青岚森华人造板有限公司","2024","节选，不完整","（节选中没有不等于目录中没有）"]',6,'["H001","青岚森华人造板有限公司","2024","excerpt"," (not in the loaded excerpt is not \"not in the catalogue\")"]',61,61,4,'2024',27,'/filing/holdings/holding[1]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(49,1,13,3,'H002','H002','IC-006',0,5,'["H002","青岚康牧动物保健有限公司","2024","节选，不完整","（节选中没有不等于目录中没有）"]',6,'["H002","青岚康牧动物保健有限公司","2024","excerpt"," (not in the loaded excerpt is not \"not in the catalogue\")"]',62,62,63,'2024',39,'/filing/holdings/holding[2]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(50,1,14,1,NULL,NULL,'LIM-003',2,NULL,'主投领域投资占比限额：实测 58.33%，低于下限 0.60（60.00%）。',NULL,'Main-field share limit: measured 58.33%, below the minimum 0.60（60.00%）.',64,65,NULL,NULL,30,'/filing/fund/establishmentPlan/limits/limit[3]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(51,1,14,2,NULL,NULL,'LIM-004',2,NULL,'政府出资比例限额：政府出资比例 45.00%，超过上限 0.40（40.00%）。',NULL,'Government share limit: govShare 45.00%, above the maximum 0.40（40.00%）.',66,67,NULL,NULL,31,'/filing/fund/establishmentPlan/limits/limit[4]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(52,1,14,3,NULL,NULL,'LIM-005',2,NULL,'本地投资（返投）占比限额：实测 41.67%，低于下限 0.50（50.00%）。',NULL,'Home-region share limit: measured 41.67%, below the minimum 0.50（50.00%）.',68,69,NULL,NULL,32,'/filing/fund/establishmentPlan/limits/limit[5]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(53,1,14,4,'H001','H001','IC-006',0,5,'["H001","沪东光刻材料有限公司","2024","节选，不完整","（节选中没有不等于目录中没有）"]',6,'["H001","沪东光刻材料有限公司","2024","excerpt"," (not in the loaded excerpt is not \"not in the catalogue\")"]',70,70,4,'2024',38,'/filing/holdings/holding[1]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(54,1,14,5,'H001','H001','LIM-001',2,NULL,'单一被投企业投资占比限额：对「沪东光刻材料有限公司」的投资合计 250000000 元，占认缴规模 25.00%，超过上限 0.20（20.00%）。',NULL,'Single-investee share limit: investments in 沪东光刻材料有限公司 total 250000000 yuan, 25.00% of the subscribed size, above the maximum 0.20（20.00%）.',71,72,NULL,NULL,38,'/filing/holdings/holding[1]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(55,1,14,6,'H001','H001','LIM-002',2,NULL,'单一持股比例限额：持仓 H001 持有「沪东光刻材料有限公司」35.00% 的股权/份额，超过上限 0.30（30.00%）。',NULL,'Investee ownership limit: holding H001 owns 35.00% of 沪东光刻材料有限公司, above the maximum 0.30（30.00%）.',73,74,NULL,NULL,38,'/filing/holdings/holding[1]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(56,1,14,7,'H002','H002','IC-006',0,5,'["H002","澜江协作机器人有限公司","2024","节选，不完整","（节选中没有不等于目录中没有）"]',6,'["H002","澜江协作机器人有限公司","2024","excerpt"," (not in the loaded excerpt is not \"not in the catalogue\")"]',70,70,4,'2024',55,'/filing/holdings/holding[2]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(57,1,14,8,'H004','H004','IC-006',0,5,'["H004","穗城工业软件有限公司","2024","节选，不完整","（节选中没有不等于目录中没有）"]',6,'["H004","穗城工业软件有限公司","2024","excerpt"," (not in the loaded excerpt is not \"not in the catalogue\")"]',70,70,4,'2024',87,'/filing/holdings/holding[4]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(58,1,15,1,'H001','H001','IC-006',0,5,'["H001","澜江精抛装备有限公司","2024","节选，不完整","（节选中没有不等于目录中没有）"]',6,'["H001","澜江精抛装备有限公司","2024","excerpt"," (not in the loaded excerpt is not \"not in the catalogue\")"]',75,75,35,'2024',28,'/filing/holdings/holding',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(59,1,17,1,NULL,NULL,'LIM-003',1,NULL,'主投领域投资占比限额（main-field-share）无法核验：设立方案未列 focusIndustries（主投领域代码）；未核验的限额不视为合规。',NULL,'Main-field share limit (main-field-share) cannot be assessed: the establishment plan lists no focusIndustries; an unassessed limit is not a pass.',76,77,NULL,NULL,29,'/filing/fund/establishmentPlan/limits/limit[3]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(60,1,17,2,NULL,NULL,'LIM-004',1,NULL,'政府出资比例限额（gov-share）无法核验：未申报 fund/govShare（政府出资比例）；未核验的限额不视为合规。',NULL,'Government share limit (gov-share) cannot be assessed: fund/govShare is not filed; an unassessed limit is not a pass.',78,79,NULL,NULL,30,'/filing/fund/establishmentPlan/limits/limit[4]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(61,1,17,3,NULL,NULL,'LIM-005',1,NULL,'本地投资（返投）占比限额：实测 40.00%；是否符合上限 0.60（60.00%）无法确定：60.00% 的投资额缺少被投企业注册地 region。',NULL,'Home-region share limit: measured 40.00%; whether it meets the maximum 0.60（60.00%） cannot be determined: 60.00% of the invested amount lacks an investee region.',80,81,NULL,NULL,31,'/filing/fund/establishmentPlan/limits/limit[5]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(62,1,17,4,'H001','H001','IC-006',0,5,'["H001","澜江芯算科技有限公司","2024","节选，不完整","（节选中没有不等于目录中没有）"]',6,'["H001","澜江芯算科技有限公司","2024","excerpt"," (not in the loaded excerpt is not \"not in the catalogue\")"]',70,70,4,'2024',36,'/filing/holdings/holding[1]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(63,1,17,5,'H002','H002','IC-006',0,5,'["H002","某某新材料合伙企业（有限合伙）","2024","节选，不完整","（节选中没有不等于目录中没有）"]',6,'["H002","某某新材料合伙企业（有限合伙）","2024","excerpt"," (not in the loaded excerpt is not \"not in the catalogue\")"]',70,70,4,'2024',51,'/filing/holdings/holding[2]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(64,1,17,6,'H002','H002','LIM-002',1,NULL,'单一持股比例限额（investee-ownership）无法核验：该持仓未申报 amount/@ownership（持股比例）；未核验的限额不视为合规。',NULL,'Investee ownership limit (investee-ownership) cannot be assessed: the holding files no amount/@ownership; an unassessed limit is not a pass.',82,83,NULL,NULL,51,'/filing/holdings/holding[2]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(65,1,17,7,'H003','H003','IC-006',0,5,'["H003","某某新材料合伙企业（有限合伙）","2024","节选，不完整","（节选中没有不等于目录中没有）"]',6,'["H003","某某新材料合伙企业（有限合伙）","2024","excerpt"," (not in the loaded excerpt is not \"not in the catalogue\")"]',70,70,4,'2024',64,'/filing/holdings/holding[3]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(66,1,18,1,'H001','H001','IC-006',0,5,'["H001","澜江芯算科技有限公司","2024","节选，不完整","（节选中没有不等于目录中没有）"]',6,'["H001","澜江芯算科技有限公司","2024","excerpt"," (not in the loaded excerpt is not \"not in the catalogue\")"]',70,70,4,'2024',38,'/filing/holdings/holding[1]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(67,1,18,2,'H002','H002','IC-006',0,5,'["H002","澜江芯算科技有限公司","2024","节选，不完整","（节选中没有不等于目录中没有）"]',6,'["H002","澜江芯算科技有限公司","2024","excerpt"," (not in the loaded excerpt is not \"not in the catalogue\")"]',70,70,4,'2024',55,'/filing/holdings/holding[2]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(68,1,18,3,'H003','H003','IC-006',0,5,'["H003","京华灵巧机器人有限公司","2024","节选，不完整","（节选中没有不等于目录中没有）"]',6,'["H003","京华灵巧机器人有限公司","2024","excerpt"," (not in the loaded excerpt is not \"not in the catalogue\")"]',70,70,4,'2024',72,'/filing/holdings/holding[3]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(69,1,18,4,'H004','H004','IC-006',0,5,'["H004","穗城工业软件有限公司","2024","节选，不完整","（节选中没有不等于目录中没有）"]',6,'["H004","穗城工业软件有限公司","2024","excerpt"," (not in the loaded excerpt is not \"not in the catalogue\")"]',70,70,4,'2024',89,'/filing/holdings/holding[4]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(70,1,18,5,'H005','H005','IC-006',0,5,'["H005","澜江精抛装备有限公司","2024","节选，不完整","（节选中没有不等于目录中没有）"]',6,'["H005","澜江精抛装备有限公司","2024","excerpt"," (not in the loaded excerpt is not \"not in the catalogue\")"]',75,75,35,'2024',106,'/filing/holdings/holding[5]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(71,1,19,1,'H002','H002','DRV-001',2,13,'["H002"," rb2605 螺纹钢2605合约","SHFE",""]',14,'["H002"," rb2605 螺纹钢2605合约","SHFE",""]',84,84,NULL,NULL,43,'/filing/holdings/holding[2]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(72,1,19,2,'H003','H003','IC-006',0,5,'["H003","庐州量子通信技术有限公司","2024","节选，不完整","（节选中没有不等于目录中没有）"]',6,'["H003","庐州量子通信技术有限公司","2024","excerpt"," (not in the loaded excerpt is not \"not in the catalogue\")"]',85,85,45,'2024',53,'/filing/holdings/holding[3]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(73,1,20,1,'H001','H001','UL-001',2,45,'["H001","芜湖机器人产业创业投资合伙企业（有限合伙）"]',46,'["H001","芜湖机器人产业创业投资合伙企业（有限合伙）"]',86,86,NULL,NULL,32,'/filing/holdings/holding[1]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(74,1,20,2,'H001','H001','UL-003',2,47,'["持仓 H001 的条款或备注","本基金担任该合伙企业的普通合伙人"]',48,'["A clause or note of holding H001","本基金担任该合伙企业的普通合伙人"]',87,87,NULL,NULL,40,'/filing/holdings/holding[1]/note',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(75,1,22,1,'H001','H001','NL-001',2,49,'["H001","西河县丰源食品有限公司","借款/委托贷款","30000000.00"]',50,'["H001","西河县丰源食品有限公司","30000000.00"]',88,88,NULL,NULL,37,'/filing/holdings/holding[1]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(76,1,22,2,'H002','H002','IC-006',0,5,'["H002","西河县锦城置业有限公司","2024","节选，不完整","（节选中没有不等于目录中没有）"]',6,'["H002","西河县锦城置业有限公司","2024","excerpt"," (not in the loaded excerpt is not \"not in the catalogue\")"]',89,89,27,'2024',48,'/filing/holdings/holding[2]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(77,1,22,3,'H002','H002','NL-005',2,51,'["H002","西河县锦城置业有限公司","K7010"]',52,'["H002","西河县锦城置业有限公司","K7010"]',90,90,NULL,NULL,48,'/filing/holdings/holding[2]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(78,1,22,4,'H003','H003','NL-007',2,53,'["H003","恒信理财有限责任公司 恒信理财稳盈180天持有期非保本浮动收益型理财产品 ","非保本型理财产品"]',54,'["H003","恒信理财有限责任公司 恒信理财稳盈180天持有期非保本浮动收益型理财产品 "]',91,91,NULL,NULL,63,'/filing/holdings/holding[3]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(79,1,22,5,'H004','H004','NL-007',2,53,'["H004","中原恒达信托有限责任公司 恒达·安泰23号集合资金信托计划 ","信托产品"]',54,'["H004","中原恒达信托有限责任公司 恒达·安泰23号集合资金信托计划 "]',92,92,NULL,NULL,74,'/filing/holdings/holding[4]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(80,1,22,6,'H005','H005','NL-009',2,55,'["H005","西河县交通投资发展有限公司 25西河交投债01 2580123","企业债，债项评级AA+，票面利率4.3%"]',56,'["H005","西河县交通投资发展有限公司 25西河交投债01 2580123","企业债，债项评级AA+，票面利率4.3%"]',93,93,NULL,NULL,85,'/filing/holdings/holding[5]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(81,1,22,7,'H009','H009','IC-006',0,5,'["H009","西河智建科技有限公司","2024","节选，不完整","（节选中没有不等于目录中没有）"]',6,'["H009","西河智建科技有限公司","2024","excerpt"," (not in the loaded excerpt is not \"not in the catalogue\")"]',94,94,27,'2024',127,'/filing/holdings/holding[9]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(82,1,22,8,NULL,NULL,'NL-004',2,57,'["披露事项","报告期内本基金向西河县食品行业商会捐赠人民币200万元，用于举办行业博览会"]',58,'["A disclosure","报告期内本基金向西河县食品行业商会捐赠人民币200万元，用于举办行业博览会"]',95,95,NULL,NULL,148,'/filing/disclosures/disclosure[1]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(83,1,23,1,'H001','H001','IC-006',0,5,'["H001","青屿锂能科技股份有限公司","2024","节选，不完整","（节选中没有不等于目录中没有）"]',6,'["H001","青屿锂能科技股份有限公司","2024","excerpt"," (not in the loaded excerpt is not \"not in the catalogue\")"]',96,96,4,'2024',38,'/filing/holdings/holding[1]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(84,1,23,2,'H001','H001','PS-003',2,31,'["持仓 H001","定向增发","青财金〔2022〕21号"]',32,'["Holding H001","private-placement","青财金〔2022〕21号"]',97,97,NULL,NULL,38,'/filing/holdings/holding[1]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(85,1,23,3,'H002','H002','IC-006',0,5,'["H002","青屿微电子股份有限公司","2024","节选，不完整","（节选中没有不等于目录中没有）"]',6,'["H002","青屿微电子股份有限公司","2024","excerpt"," (not in the loaded excerpt is not \"not in the catalogue\")"]',98,98,8,'2024',52,'/filing/holdings/holding[2]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(86,1,23,4,'H003','H003','IC-006',0,5,'["H003","青屿海洋装备股份有限公司","2024","节选，不完整","（节选中没有不等于目录中没有）"]',6,'["H003","青屿海洋装备股份有限公司","2024","excerpt"," (not in the loaded excerpt is not \"not in the catalogue\")"]',99,99,35,'2024',66,'/filing/holdings/holding[3]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(87,1,23,5,'H004','H004','IC-006',0,5,'["H004","青屿光电科技股份有限公司","2024","节选，不完整","（节选中没有不等于目录中没有）"]',6,'["H004","青屿光电科技股份有限公司","2024","excerpt"," (not in the loaded excerpt is not \"not in the catalogue\")"]',100,100,8,'2024',79,'/filing/holdings/holding[4]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(88,1,23,6,'H005','H005','PS-001',2,59,'["H005","青屿港口物流股份有限公司","002977002977","二级市场竞价"]',60,'["H005","青屿港口物流股份有限公司","002977002977","secondary-market"]',101,101,NULL,NULL,94,'/filing/holdings/holding[5]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(89,1,23,7,NULL,'T001','PS-002',2,61,'["T001","2026-02-03","二级市场竞价","贵州茅台","600519","1650000.00"]',62,'["T001","2026-02-03","贵州茅台","600519","secondary-market","1650000.00"]',102,102,NULL,NULL,108,'/filing/transactions/transaction[1]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(90,1,23,8,NULL,'T002','PS-002',2,61,'["T002","2026-02-26","新股申购（打新）","青屿智芯","688801","162500.00"]',62,'["T002","2026-02-26","青屿智芯","688801","ipo-subscription","162500.00"]',103,103,NULL,NULL,113,'/filing/transactions/transaction[2]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(91,1,24,1,'H001','H001','UL-001',2,45,'["H001","碧江蓝海创业投资合伙企业（有限合伙）"]',46,'["H001","碧江蓝海创业投资合伙企业（有限合伙）"]',104,104,NULL,NULL,34,'/filing/holdings/holding[1]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(92,1,24,2,'H001','H001','UL-003',2,47,'["持仓 H001 的条款或备注","本基金作为普通合伙人暨执行事务合伙人认缴出资1000万元"]',48,'["A clause or note of holding H001","本基金作为普通合伙人暨执行事务合伙人认缴出资1000万元"]',105,105,NULL,NULL,43,'/filing/holdings/holding[1]/note',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(93,1,24,3,'H002','H002','UL-002',2,63,'["H002","碧江海工技术服务中心（普通合伙）",""]',64,'["H002","碧江海工技术服务中心（普通合伙）"]',106,106,NULL,NULL,45,'/filing/holdings/holding[2]',0,NULL,0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(94,1,21,1000000,'H001','H001','LT-001',2,65,'["持仓 H002 为衍生品合约 rb2605 螺纹钢2605合约（SHFE）","江东省新兴产业投资母基金合伙企业（有限合伙）（91340000MA8N2P4Q6D） → 江东庐州科技创新创业投资合伙企业（有限合伙）（91340100MA8P7R9T3F） → 持仓 H002"]',66,'["Holding H002 is a derivative contract rb2605 螺纹钢2605合约 (SHFE)","江东省新兴产业投资母基金合伙企业（有限合伙）（91340000MA8N2P4Q6D） → 江东庐州科技创新创业投资合伙企业（有限合伙）（91340100MA8P7R9T3F） → 持仓 H002"]',107,108,NULL,NULL,36,'/filing/holdings/holding[1]',1,'江东省新兴产业投资母基金合伙企业（有限合伙）（91340000MA8N2P4Q6D） → 江东庐州科技创新创业投资合伙企业（有限合伙）（91340100MA8P7R9T3F） → 持仓 H002',0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(95,1,21,1000001,'H001','H001','LT-004',2,67,'["持仓 H001：基金在 芜湖机器人产业创业投资合伙企业（有限合伙） 中担任普通合伙人，对该合伙企业债务承担无限连带责任","江东省新兴产业投资母基金合伙企业（有限合伙）（91340000MA8N2P4Q6D） → 江东庐州科技创新创业投资合伙企业（有限合伙）（91340100MA8P7R9T3F） → 江东芜湖智能装备创业投资合伙企业（有限合伙）（91340200MA8Q3U5W8H） → 持仓 H001"]',68,'["Holding H001: the fund is a general partner of 芜湖机器人产业创业投资合伙企业（有限合伙） and bears unlimited joint liability for its debts","江东省新兴产业投资母基金合伙企业（有限合伙）（91340000MA8N2P4Q6D） → 江东庐州科技创新创业投资合伙企业（有限合伙）（91340100MA8P7R9T3F） → 江东芜湖智能装备创业投资合伙企业（有限合伙）（91340200MA8Q3U5W8H） → 持仓 H001"]',109,110,NULL,NULL,36,'/filing/holdings/holding[1]',1,'江东省新兴产业投资母基金合伙企业（有限合伙）（91340000MA8N2P4Q6D） → 江东庐州科技创新创业投资合伙企业（有限合伙）（91340100MA8P7R9T3F） → 江东芜湖智能装备创业投资合伙企业（有限合伙）（91340200MA8Q3U5W8H） → 持仓 H001',0,NULL,NULL,NULL,NULL);
INSERT INTO finding_rows VALUES(96,1,19,1000000,'H001','H001','LT-004',2,67,'["持仓 H001：基金在 芜湖机器人产业创业投资合伙企业（有限合伙） 中担任普通合伙人，对该合伙企业债务承担无限连带责任","江东庐州科技创新创业投资合伙企业（有限合伙）（91340100MA8P7R9T3F） → 江东芜湖智能装备创业投资合伙企业（有限合伙）（91340200MA8Q3U5W8H） → 持仓 H001"]',68,'["Holding H001: the fund is a general partner of 芜湖机器人产业创业投资合伙企业（有限合伙） and bears unlimited joint liability for its debts","江东庐州科技创新创业投资合伙企业（有限合伙）（91340100MA8P7R9T3F） → 江东芜湖智能装备创业投资合伙企业（有限合伙）（91340200MA8Q3U5W8H） → 持仓 H001"]',111,112,NULL,NULL,33,'/filing/holdings/holding[1]',1,'江东庐州科技创新创业投资合伙企业（有限合伙）（91340100MA8P7R9T3F） → 江东芜湖智能装备创业投资合伙企业（有限合伙）（91340200MA8Q3U5W8H） → 持仓 H001',0,NULL,NULL,NULL,NULL);
CREATE TABLE IF NOT EXISTS "holdings" (
  filing_pk       INTEGER NOT NULL REFERENCES filings(filing_pk) ON DELETE CASCADE,
  seq             INTEGER NOT NULL,
  holding_id      TEXT NOT NULL,
  category        TEXT NOT NULL,
  role            TEXT,
  investee_uscc   TEXT,
  investee_name   TEXT,
  industry        TEXT,
  invested        TEXT,
  invested_fen    INTEGER,
  acq_method      TEXT,
  acq_date        TEXT,
  instrument_type TEXT,
  instrument_code TEXT,
  catalog_class   TEXT,
  line            INTEGER,
  PRIMARY KEY (filing_pk, seq)
) WITHOUT ROWID;
INSERT INTO holdings VALUES(1,1,'H001','equity','shareholder','91500000MA5U9Y4A1G','渝山车联电子科技有限公司','C3670','30000000.00',3000000000,'capital-increase','2024-08-22','','','',38);
INSERT INTO holdings VALUES(1,2,'H002','equity','shareholder','91500000MA5UAB5C2Q','渝山工业软件有限公司','I6513','450000000.00',45000000000,'capital-increase','2025-05-30','','','',55);
INSERT INTO holdings VALUES(1,3,'H003','equity','shareholder','91500000MA5UCD6E3H','渝山新材科技有限公司','C3985','20000000.00',2000000000,'capital-increase','2026-05-20','','','',72);
INSERT INTO holdings VALUES(1,4,'H004','equity','shareholder','91500000MA5U3K0F10','渝山精密传感器有限公司','C3983','15000000.00',1500000000,'capital-increase','2026-03-31','','','',89);
INSERT INTO holdings VALUES(1,5,'H005','deposit','holder','91500000MA5UFG7H8N','渝山银行股份有限公司','J6621','50000000.00',5000000000,'','','','','',106);
INSERT INTO holdings VALUES(2,1,'H001','derivative','holder','91330200MA2L9T2U5R','南漪永信期货有限公司','J6749','13200000.00',1320000000,'other','2026-03-05','future','IF2606','',36);
INSERT INTO holdings VALUES(2,2,'H002','derivative','holder','91330200MA2L9T2U5R','南漪永信期货有限公司','J6749','860000.00',86000000,'other','2026-03-12','option','MO2606-P-5800','',47);
INSERT INTO holdings VALUES(2,3,'H003','asset-management','holder','91330200MA2M6W4X2P','南漪宏泰期货资产管理有限公司','J6739','50000000.00',5000000000,'subscription','2025-11-28','product','','',57);
INSERT INTO holdings VALUES(2,4,'H004','equity','shareholder','91330200MA2N1Y7A82','南漪信达期货有限公司','J6749','90000000.00',9000000000,'capital-increase','2024-10-09','','','',69);
INSERT INTO holdings VALUES(2,5,'H005','equity','shareholder','91330200MA2P5B3C49','南漪数算科技有限公司','I6513','20000000.00',2000000000,'capital-increase','2025-07-07','','','',86);
INSERT INTO holdings VALUES(3,1,'H001','equity','shareholder','91440300MA5G7R3T1K','澜江芯研半导体科技有限公司','C3562','40000000.00',4000000000,'capital-increase','2024-09-12','','','',33);
INSERT INTO holdings VALUES(3,2,'H002','equity','shareholder','91440300MA5K1W4X6T','澜江灵动机器人有限公司','C3491','15000000.00',1500000000,'capital-increase','2025-06-30','','','',51);
INSERT INTO holdings VALUES(3,3,'H003','equity','shareholder','91440300MA5L8C2D0H','澜江合成生物技术有限公司','C2761','25000000.00',2500000000,'capital-increase','2025-11-05','','','',68);
INSERT INTO holdings VALUES(3,4,'H004','equity','shareholder','91440300MA5M3E6F54','澜江视界智能科技有限公司','I6520','30000000.00',3000000000,'share-transfer','2026-02-10','','','',86);
INSERT INTO holdings VALUES(3,5,'H005','deposit','holder','91440300MA5N9G1H7F','招商银行股份有限公司澜江分行','J6621','300000000.00',30000000000,'','','','','',103);
INSERT INTO holdings VALUES(4,1,'H001','equity','shareholder','91420100MA4M5A8B3Y','东陵市滨湖片区开发建设有限公司','E4813','500000000.00',50000000000,'capital-increase','2024-02-28','','','',36);
INSERT INTO holdings VALUES(4,2,'H002','equity','shareholder','91420100MA4N1C4D7Q','东陵高新区智慧园区建设运营有限公司','E4790','200000000.00',20000000000,'capital-increase','2024-08-15','','','',59);
INSERT INTO holdings VALUES(4,3,'H003','equity','shareholder','91420100MA4P6E9F2F','东陵精工机器人有限公司','C3491','60000000.00',6000000000,'capital-increase','2025-01-20','','','',77);
INSERT INTO holdings VALUES(4,4,'H004','equity','shareholder','91420100MA4Q2G5H8F','东陵碳纤维新材料有限公司','C2826','80000000.00',8000000000,'capital-increase','2025-04-08','','','',96);
INSERT INTO holdings VALUES(4,5,'H005','equity','shareholder','91420100MA4R7J1K46','东陵光谷激光科技有限公司','C3976','45000000.00',4500000000,'capital-increase','2025-09-26','','','',114);
INSERT INTO holdings VALUES(5,1,'H001','derivative','holder','91120000MA07M3Q5RT','海西中信期货有限公司','J6749','6500000.00',650000000,'other','2026-02-09','future','IC2606','',45);
INSERT INTO holdings VALUES(5,2,'H002','derivative','counterparty','91120000MA07N8T1U4','中国银行股份有限公司海西省分行','J6621','0.00',0,'other','2026-01-15','forward','','',55);
INSERT INTO holdings VALUES(5,3,'H003','listed-equity','shareholder','91120000MA07P4W6XM','海西航空装备股份有限公司','C3743','180000000.00',18000000000,'private-placement','2025-06-18','stock','600975','',66);
INSERT INTO holdings VALUES(6,1,'H001','fund','limited-partner','91320500MA7D2L9P41','云湖芯成集成电路创业投资合伙企业（有限合伙）','J6760','300000000.00',30000000000,'subscription','2024-01-10','','','',32);
INSERT INTO holdings VALUES(6,2,'H002','fund','limited-partner','91320500MA7E8H1K61','云湖康瑞生物医药产业投资合伙企业（有限合伙）','J6760','200000000.00',20000000000,'subscription','2024-05-22','','','',45);
INSERT INTO holdings VALUES(6,3,'H003','fund','limited-partner','91320500MA7F3N5Q2G','云湖智造高端装备创业投资合伙企业（有限合伙）','J6760','150000000.00',15000000000,'subscription','2025-03-18','','','',57);
INSERT INTO holdings VALUES(6,4,'H004','deposit','holder','91320500MA1N4B7C3P','中国工商银行股份有限公司云湖分行','J6621','500000000.00',50000000000,'','','','','',69);
INSERT INTO holdings VALUES(6,5,'H005','bond','holder','11100000000013127D','中华人民共和国财政部','','100000000.00',10000000000,'subscription','2025-04-16','bond','019547','',78);
INSERT INTO holdings VALUES(6,6,'H006','deposit','holder','91320500MA1P2D5E9J','中国建设银行股份有限公司云湖分行','J6621','200000000.00',20000000000,'','','','','',88);
INSERT INTO holdings VALUES(7,1,'H001','equity','shareholder','91450100MA5T3X7Y23','桂山𠮷禾生物育种科技有限公司','A0511','35000000.00',3500000000,'capital-increase','2025-03-20','','','',33);
INSERT INTO holdings VALUES(7,2,'H002','equity','shareholder','91450100MA5U8A3B9E','桂山智农装备有限公司','C3571','20000000.00',2000000000,'capital-increase','2025-10-28','','','',51);
INSERT INTO holdings VALUES(7,3,'H003','deposit','holder','91450100MA5W4C8D16','桂山农村商业银行股份有限公司','J6621','200000000.00',20000000000,'','','','','',68);
INSERT INTO holdings VALUES(8,1,'H001','equity','shareholder','91510100MA6E3H5J7H','澄湖智造动力电池有限公司','C3841','150000000.00',15000000000,'capital-increase','2024-11-12','','','',36);
INSERT INTO holdings VALUES(8,2,'H002','equity','shareholder','91510100MA6F8K1L25','澄湖市融资担保有限公司','J6999','100000000.00',10000000000,'capital-increase','2024-03-29','','','',55);
INSERT INTO holdings VALUES(9,1,'H001','equity','shareholder','91330100MA2L29L3MJ','青岚铁源矿业科技有限公司','B0810','25000000.00',2500000000,'capital-increase','2025-08-20','','','encouraged',27);
INSERT INTO holdings VALUES(9,2,'H002','equity','shareholder','91330100MA2L34N6PT','青岚充填采矿装备有限公司','C3511','15000000.00',1500000000,'capital-increase','2025-08-20','','','',40);
INSERT INTO holdings VALUES(10,1,'H001','equity','shareholder','91330100MA2KW6D9EC','青岚精机数控技术有限公司','C3421','30000000.00',3000000000,'capital-increase','2025-08-20','','','encouraged',27);
INSERT INTO holdings VALUES(11,1,'H001','equity','shareholder','91990000MA01C6D7EF','示例芯联集成电路制造有限公司','C3973','50000000.00',5000000000,'capital-increase','2025-08-20','','','',27);
INSERT INTO holdings VALUES(11,2,'H002','equity','shareholder','91990000MA01D8E9FG','示例味道餐饮管理有限公司','H6210','6000000.00',600000000,'capital-increase','2025-08-20','','','',39);
INSERT INTO holdings VALUES(12,1,'H001','equity','shareholder','91330100MA2KT3W5N1','青岚林源林产化工有限公司','C2663','12000000.00',1200000000,'capital-increase','2025-08-20','','','restricted',27);
INSERT INTO holdings VALUES(12,2,'H002','equity','shareholder','91330100MA2KU8X2BD','青岚铁矿智采科技有限公司','B0810','20000000.00',2000000000,'capital-increase','2025-08-20','','','encouraged',40);
INSERT INTO holdings VALUES(13,1,'H001','equity','shareholder','91330100MA2KY7G1H5','青岚森华人造板有限公司','C2022','18000000.00',1800000000,'capital-increase','2025-08-20','','','',27);
INSERT INTO holdings VALUES(13,2,'H002','equity','shareholder','91330100MA2L03J5K8','青岚康牧动物保健有限公司','C2750','9000000.00',900000000,'capital-increase','2025-08-20','','','',39);
INSERT INTO holdings VALUES(14,1,'H001','equity','shareholder','91310115MA1K3P7Q9W','沪东光刻材料有限公司','C3911','250000000.00',25000000000,'capital-increase','2024-05-20','','','',38);
INSERT INTO holdings VALUES(14,2,'H002','equity','shareholder','91440305MA5U6C9E2B','澜江协作机器人有限公司','C3491','100000000.00',10000000000,'capital-increase','2025-03-01','','','',55);
INSERT INTO holdings VALUES(14,3,'H003','fund','limited-partner','91440300MA5T2M4D6H','澜江市科创子基金合伙企业（有限合伙）','J6760','150000000.00',15000000000,'capital-increase','2025-05-01','','','',72);
INSERT INTO holdings VALUES(14,4,'H004','equity','shareholder','91440106MA59U8N2P5','穗城工业软件有限公司','I6510','100000000.00',10000000000,'capital-increase','2023-04-01','','','',87);
INSERT INTO holdings VALUES(15,1,'H001','equity','shareholder','91440304MA5R3X6Y1P','澜江精抛装备有限公司','C3562','30000000.00',3000000000,'capital-increase','2025-09-01','','','',28);
INSERT INTO holdings VALUES(16,1,'H001','fund','limited-partner','91440300MA5T8L1F2D','澜江市天使子基金合伙企业（有限合伙）','J6760','80000000.00',8000000000,'capital-increase','2025-06-01','','','',28);
INSERT INTO holdings VALUES(17,1,'H001','equity','shareholder','91440305MA5Q7T2W3A','澜江芯算科技有限公司','C3911','100000000.00',10000000000,'capital-increase','2025-03-31','','','',36);
INSERT INTO holdings VALUES(17,2,'H002','equity','shareholder','','某某新材料合伙企业（有限合伙）','','100000000.00',10000000000,'','','','','',51);
INSERT INTO holdings VALUES(17,3,'H003','equity','shareholder','','某某新材料合伙企业（有限合伙）','','50000000.00',5000000000,'','','','','',64);
INSERT INTO holdings VALUES(18,1,'H001','equity','shareholder','91440305MA5Q7T2W3A','澜江芯算科技有限公司','C3911','100000000.00',10000000000,'capital-increase','2024-07-01','','','',38);
INSERT INTO holdings VALUES(18,2,'H002','equity','shareholder','91440305MA5Q7T2W3A','澜江芯算科技有限公司','C3911','100000000.00',10000000000,'capital-increase','2025-07-01','','','',55);
INSERT INTO holdings VALUES(18,3,'H003','equity','shareholder','91110108MA01R4K5LA','京华灵巧机器人有限公司','C3491','100000000.00',10000000000,'capital-increase','2025-01-15','','','',72);
INSERT INTO holdings VALUES(18,4,'H004','equity','shareholder','91440106MA59U8N2P5','穗城工业软件有限公司','I6510','150000000.00',15000000000,'capital-increase','2023-04-01','','','',89);
INSERT INTO holdings VALUES(18,5,'H005','equity','shareholder','91440304MA5R3X6Y1P','澜江精抛装备有限公司','C3562','50000000.00',5000000000,'capital-increase','2026-01-20','','','',106);
INSERT INTO holdings VALUES(18,6,'H006','deposit','holder','91440300MA5N9G1H7F','招商银行股份有限公司澜江分行','J6621','300000000.00',30000000000,'','','','','',123);
INSERT INTO holdings VALUES(19,1,'H001','fund','limited-partner','91340200MA8Q3U5W8H','江东芜湖智能装备创业投资合伙企业（有限合伙）','J6760','150000000.00',15000000000,'subscription','2024-03-12','','','',33);
INSERT INTO holdings VALUES(19,2,'H002','derivative','holder','91340100MA8U2E5F94','庐州华安期货有限公司','J6749','4800000.00',480000000,'other','2026-02-24','future','rb2605','',43);
INSERT INTO holdings VALUES(19,3,'H003','equity','shareholder','91340100MA8W7G1H6X','庐州量子通信技术有限公司','C3921','50000000.00',5000000000,'capital-increase','2024-09-09','','','',53);
INSERT INTO holdings VALUES(20,1,'H001','fund','general-partner','91340200MA8Y8L2M7R','芜湖机器人产业创业投资合伙企业（有限合伙）','J6760','5000000.00',500000000,'subscription','2024-05-06','','','',32);
INSERT INTO holdings VALUES(20,2,'H002','fund','limited-partner','91340000MA8N2P4Q6D','江东省新兴产业投资母基金合伙企业（有限合伙）','J6760','20000000.00',2000000000,'subscription','2024-07-15','','','',42);
INSERT INTO holdings VALUES(20,3,'H003','deposit','holder','91340200MA8Q4N3P0U','芜湖农村商业银行股份有限公司','J6621','100000000.00',10000000000,'','','','','',51);
INSERT INTO holdings VALUES(21,1,'H001','fund','limited-partner','91340100MA8P7R9T3F','江东庐州科技创新创业投资合伙企业（有限合伙）','J6760','400000000.00',40000000000,'subscription','2023-08-01','','','',36);
INSERT INTO holdings VALUES(21,2,'H002','fund','limited-partner','91340500MA8R6X2Y4X','江东皖江新能源汽车产业投资合伙企业（有限合伙）','J6760','300000000.00',30000000000,'subscription','2024-02-19','','','',46);
INSERT INTO holdings VALUES(21,3,'H003','deposit','holder','91340000MA8T1A4B7P','江东银行股份有限公司','J6621','800000000.00',80000000000,'','','','','',56);
INSERT INTO holdings VALUES(22,1,'H001','loan','creditor','91410100MA9H4L7M1E','西河县丰源食品有限公司','C1391','30000000.00',3000000000,'other','2025-09-10','','','',37);
INSERT INTO holdings VALUES(22,2,'H002','equity','shareholder','91410100MA9J9N3P61','西河县锦城置业有限公司','K7010','60000000.00',6000000000,'capital-increase','2024-05-16','','','',48);
INSERT INTO holdings VALUES(22,3,'H003','wealth-management','holder','91410100MA9K5Q8R38','恒信理财有限责任公司','J6640','50000000.00',5000000000,'subscription','2025-12-01','product','','',63);
INSERT INTO holdings VALUES(22,4,'H004','trust','holder','91410100MA9L1T4U85','中原恒达信托有限责任公司','J6911','40000000.00',4000000000,'subscription','2025-10-15','product','','',74);
INSERT INTO holdings VALUES(22,5,'H005','bond','holder','91410100MA9M6W9X52','西河县交通投资发展有限公司','E4812','20000000.00',2000000000,'subscription','2025-06-20','bond','2580123','',85);
INSERT INTO holdings VALUES(22,6,'H006','deposit','holder','91410100MA9N2Y5A0A','西河农村商业银行股份有限公司','J6621','150000000.00',15000000000,'','','','','',97);
INSERT INTO holdings VALUES(22,7,'H007','bond','holder','11100000000013127D','中华人民共和国财政部','','50000000.00',5000000000,'subscription','2025-04-16','bond','019547','',106);
INSERT INTO holdings VALUES(22,8,'H008','bond','holder','91410100MA9P7B1C2U','中原电力集团有限公司','D4411','30000000.00',3000000000,'subscription','2025-08-08','bond','2580456','',115);
INSERT INTO holdings VALUES(22,9,'H009','equity','shareholder','91410100MA9Q3D6E8Y','西河智建科技有限公司','I6513','10000000.00',1000000000,'capital-increase','2025-03-03','','','',127);
INSERT INTO holdings VALUES(23,1,'H001','listed-equity','shareholder','91350200MA8W2B4C68','青屿锂能科技股份有限公司','C3841','120000000.00',12000000000,'private-placement','2025-08-19','stock','300928','',38);
INSERT INTO holdings VALUES(23,2,'H002','listed-equity','shareholder','91350200MA8X6D8E1H','青屿微电子股份有限公司','C3973','80000000.00',8000000000,'strategic-placement','2025-12-03','stock','688795','',52);
INSERT INTO holdings VALUES(23,3,'H003','equity','shareholder','91350200MA8Y3F2G7X','青屿海洋装备股份有限公司','C3731','30000000.00',3000000000,'capital-increase','2024-06-14','','','',66);
INSERT INTO holdings VALUES(23,4,'H004','listed-equity','shareholder','91350200MA8Q7H5J4M','青屿光电科技股份有限公司','C3976','50000000.00',5000000000,'capital-increase','2022-06-01','stock','688612','',79);
INSERT INTO holdings VALUES(23,5,'H005','listed-equity','shareholder','91350200MA8P9K1L5F','青屿港口物流股份有限公司','G5532','35000000.00',3500000000,'secondary-market','2025-10-21','stock','002977','',94);
INSERT INTO holdings VALUES(24,1,'H001','fund','general-partner','91370200MA3U7Y1A2F','碧江蓝海创业投资合伙企业（有限合伙）','J6760','10000000.00',1000000000,'subscription','2024-04-18','','','',34);
INSERT INTO holdings VALUES(24,2,'H002','other','holder','91370200MA3W3B5C85','碧江海工技术服务中心（普通合伙）','M7320','5000000.00',500000000,'subscription','2025-02-11','','','',45);
INSERT INTO holdings VALUES(24,3,'H003','fund','limited-partner','91370200MA3X8D2E4H','碧江健康产业股权投资合伙企业（有限合伙）','J6760','150000000.00',15000000000,'subscription','2023-09-05','','','',55);
INSERT INTO holdings VALUES(24,4,'H004','fund','limited-partner','91370200MA3Y4F6G13','碧江智能家电产业投资合伙企业（有限合伙）','J6760','100000000.00',10000000000,'subscription','2024-12-02','','','',70);
CREATE TABLE lt_pending (
  fund_uscc TEXT PRIMARY KEY
) WITHOUT ROWID;
CREATE TABLE severities (
  severity TEXT PRIMARY KEY,
  rank     INTEGER NOT NULL,
  label_zh TEXT NOT NULL,
  label_en TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO severities VALUES('notice',0,'提示','notice');
INSERT INTO severities VALUES('violation',2,'违规','violation');
INSERT INTO severities VALUES('warning',1,'警告','warning');
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT
) WITHOUT ROWID;
INSERT INTO meta VALUES('lookthrough_key','f6b6611a2c5120cc/zh');
CREATE INDEX filings_path ON filings(path);
CREATE INDEX filings_fund ON filings(fund_uscc, period_end, period_start);
CREATE INDEX run_filings_filing ON run_filings(filing_pk);
CREATE UNIQUE INDEX filings_key ON filings(sha256, eval_key) WHERE sha256 <> '';
CREATE INDEX finding_rows_filing ON finding_rows(filing_pk);
CREATE INDEX finding_rows_derived ON finding_rows(filing_pk) WHERE derived = 1;
CREATE INDEX holdings_fund ON holdings(investee_uscc) WHERE category = 'fund';
CREATE VIEW findings AS
  SELECT fr.finding_pk, fr.run_id, fr.filing_pk, fr.seq, fr.holding_id, fr.item, fr.rule_id,
         coalesce(r.category, '') AS category,
         CASE fr.severity_rank WHEN 2 THEN 'violation' WHEN 1 THEN 'warning' ELSE 'notice' END
           AS severity,
         fr.severity_rank,
         CASE WHEN fr.msg_zh IS NULL THEN fr.args_zh ELSE replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(mz.template, char(1), coalesce(json_extract(fr.args_zh, '$[0]'), '')), char(2), coalesce(json_extract(fr.args_zh, '$[1]'), '')), char(3), coalesce(json_extract(fr.args_zh, '$[2]'), '')), char(4), coalesce(json_extract(fr.args_zh, '$[3]'), '')), char(5), coalesce(json_extract(fr.args_zh, '$[4]'), '')), char(6), coalesce(json_extract(fr.args_zh, '$[5]'), '')), char(7), coalesce(json_extract(fr.args_zh, '$[6]'), '')), char(8), coalesce(json_extract(fr.args_zh, '$[7]'), '')), char(11), coalesce(json_extract(fr.args_zh, '$[8]'), '')), char(12), coalesce(json_extract(fr.args_zh, '$[9]'), '')), char(14), coalesce(json_extract(fr.args_zh, '$[10]'), '')), char(15), coalesce(json_extract(fr.args_zh, '$[11]'), '')) END AS message_zh,
         CASE WHEN fr.msg_en IS NULL THEN fr.args_en ELSE replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(me.template, char(1), coalesce(json_extract(fr.args_en, '$[0]'), '')), char(2), coalesce(json_extract(fr.args_en, '$[1]'), '')), char(3), coalesce(json_extract(fr.args_en, '$[2]'), '')), char(4), coalesce(json_extract(fr.args_en, '$[3]'), '')), char(5), coalesce(json_extract(fr.args_en, '$[4]'), '')), char(6), coalesce(json_extract(fr.args_en, '$[5]'), '')), char(7), coalesce(json_extract(fr.args_en, '$[6]'), '')), char(8), coalesce(json_extract(fr.args_en, '$[7]'), '')), char(11), coalesce(json_extract(fr.args_en, '$[8]'), '')), char(12), coalesce(json_extract(fr.args_en, '$[9]'), '')), char(14), coalesce(json_extract(fr.args_en, '$[10]'), '')), char(15), coalesce(json_extract(fr.args_en, '$[11]'), '')) END AS message_en,
         tz.body AS evidence_zh, te.body AS evidence_en, tx.body AS explanation,
         fr.catalog_edition, fr.line, fr.xpath, fr.derived, fr.chain, fr.exempted,
         fr.exempted_by, fr.exempt_authority, fr.exempt_from, fr.exempt_until
  FROM finding_rows fr
       LEFT JOIN rules r ON r.rule_id = fr.rule_id
       LEFT JOIN messages mz ON mz.msg_id = fr.msg_zh
       LEFT JOIN messages me ON me.msg_id = fr.msg_en
       LEFT JOIN texts tz ON tz.text_id = fr.evidence_zh
       LEFT JOIN texts te ON te.text_id = fr.evidence_en
       LEFT JOIN texts tx ON tx.text_id = fr.explanation;
CREATE VIEW v_current_filings AS
  SELECT f.* FROM filings f
  WHERE f.status = 'checked' AND coalesce(f.report_type, '') <> 'draft'
    AND NOT EXISTS (SELECT 1 FROM filings g
                    WHERE g.status = 'checked' AND coalesce(g.report_type, '') <> 'draft'
                      AND g.fund_uscc = f.fund_uscc
                      AND g.period_end = f.period_end AND g.period_start = f.period_start
                      AND (g.submitted_at > f.submitted_at
                           OR (g.submitted_at = f.submitted_at AND g.filing_pk > f.filing_pk)));
CREATE VIEW v_findings AS
  SELECT fi.finding_pk, fi.run_id, f.filing_pk, f.path, f.filing_id, f.fund_uscc, f.fund_name,
         f.fund_type, f.region, substr(f.region, 1, 2) || '0000' AS province, f.gov_level,
         f.period_start, f.period_end, fi.holding_id, fi.item, fi.rule_id, fi.category,
         fi.severity, fi.severity_rank, fi.message_zh, fi.message_en, fi.evidence_zh,
         fi.evidence_en, fi.line, fi.xpath, fi.derived, fi.chain, fi.exempted,
         fi.exempted_by, fi.exempt_authority, fi.exempt_from, fi.exempt_until,
         r.title_zh, r.title_en, r.legal_basis
  FROM findings fi JOIN v_current_filings f ON f.filing_pk = fi.filing_pk
       LEFT JOIN rules r ON r.rule_id = fi.rule_id;
CREATE VIEW v_error_filings AS
  SELECT e.filing_pk, e.run_id, e.path, e.sha256, e.error_line, e.error_message FROM filings e
  WHERE e.status = 'error'
    AND NOT EXISTS (SELECT 1 FROM filings g WHERE g.path = e.path AND g.filing_pk > e.filing_pk);
CREATE VIEW v_exemptions AS
  SELECT f.filing_pk, f.fund_uscc, f.fund_name, f.period_start, f.period_end, x.seq, x.rule,
         x.holding_id, x.authority, x.document, x.valid_from, x.valid_until, x.line,
         (SELECT count(*) FROM findings w WHERE w.filing_pk = x.filing_pk AND w.exempted = 1
            AND w.exempted_by IS x.document AND (w.rule_id = x.rule OR w.category = x.rule)
            AND (x.holding_id IS NULL OR w.holding_id = x.holding_id)) AS n_waived,
         (SELECT group_concat(w.rule_id || coalesce(' ' || w.holding_id, ''), '; ') FROM findings w
          WHERE w.filing_pk = x.filing_pk AND w.exempted = 1 AND w.exempted_by IS x.document
            AND (w.rule_id = x.rule OR w.category = x.rule)
            AND (x.holding_id IS NULL OR w.holding_id = x.holding_id)) AS waived
  FROM exemptions x JOIN v_current_filings f ON f.filing_pk = x.filing_pk;
CREATE VIEW v_open_findings AS
  SELECT * FROM v_findings WHERE exempted = 0 AND severity_rank >= 1;
CREATE VIEW v_holdings AS
  SELECT f.filing_pk, f.fund_uscc, f.fund_name, f.region, substr(f.region, 1, 2) || '0000' AS province,
         f.gov_level, f.period_start, f.period_end, h.seq, h.holding_id, h.category, h.role,
         h.investee_uscc, h.investee_name, h.industry, h.invested, h.invested_fen,
         h.invested_fen / 100.0 AS invested_yuan,
         h.acq_method, h.acq_date, h.instrument_type, h.instrument_code, h.catalog_class,
         h.line, CASE WHEN f.n_holdings > 1 THEN '/filing/holdings/holding[' || h.seq || ']'
                      ELSE '/filing/holdings/holding' END AS xpath
  FROM holdings h JOIN v_current_filings f ON f.filing_pk = h.filing_pk;
CREATE VIEW v_lookthrough AS
  SELECT fund_uscc, fund_name, period_end, holding_id, rule_id, category, severity, chain,
         exempted, message_zh, message_en
  FROM v_findings WHERE derived = 1;
CREATE VIEW v_finding_keys AS
  SELECT fund_uscc, fund_name, region, gov_level, period_end, rule_id, category, severity,
         coalesce(item, '') AS item, coalesce(chain, '') AS chain,
         fund_uscc || '|' || rule_id || '|' || coalesce(item, '') || '|' || coalesce(chain, '') AS finding_key,
         message_zh, message_en
  FROM v_findings WHERE exempted = 0;
CREATE VIEW v_run_findings AS
  SELECT rf.run_id, f.fund_uscc, f.fund_name, f.region, f.gov_level, f.period_end, fi.rule_id,
         fi.category, fi.severity, coalesce(fi.item, '') AS item, coalesce(fi.chain, '') AS chain,
         f.fund_uscc || '|' || f.period_end || '|' || fi.rule_id || '|' || coalesce(fi.item, '') || '|'
           || coalesce(fi.chain, '') AS finding_key,
         fi.message_zh, fi.message_en
  FROM run_filings rf JOIN filings f ON f.filing_pk = rf.filing_pk
       JOIN findings fi ON fi.filing_pk = rf.filing_pk
  WHERE fi.exempted = 0;
COMMIT;
PRAGMA user_version = 3;
