/**
 * A demonstration document (演示), not one of the seeds: the seeds name 科技助保贷 (seed 004) and a
 * 贷款风险补偿资金池 (seed 002) but print no rates, caps or pool figures, so Changzhi's demo 贴息
 * programme and 风险补偿资金池 (issue 19) rest on this text. Its figures follow public texts other
 * places published, named in clause 1 with the addresses they were read at: the share, the LPR cap
 * and the yearly cap per enterprise as reported for 彭阳县, two years as 随州's 解读 says, the pool's
 * size, tiers and cap per loan as 珠海's 科技信贷风险补偿金 page sets them. Nothing here is a real
 * 长治高新区 document: the title says 演示, there is no 文号, and `source.seed` is "demo" (tenants/schema.ts).
 */
import type { z } from "zod";
import type { policyDocumentSchema } from "../../schema";

const changzhiLoanSupportDemo: z.input<typeof policyDocumentSchema> = {
  id: "changzhi-loan-support-demo",
  title: "长治高新区科技型企业贷款贴息和风险补偿资金池办法(演示)",
  docNumber: null,
  issuer: "演示文件(非长治高新区管委会发文)",
  issuedOn: "2024-12-31",
  level: "zone",
  summary:
    "演示文件:平台演示贴息和风险补偿资金池所用的规则,比例、金额和期限均为演示数据,参照其他地区公开的政策设定(第一条列出出处),不是长治高新区的正式政策。",
  validity: {
    from: "2025-01-01",
    until: "2027-12-31",
    source: "本办法为演示文件,演示期自2025年1月1日起至2027年12月31日止。",
  },
  source: { seed: "demo", url: null },
  clauses: [
    {
      id: "1",
      label: "第一条",
      section: null,
      text: "演示说明\n本办法为演示文件,不是长治高新区管委会印发的政策,所列比例、金额和期限均为演示数据,参照下列公开资料设定:贴息比例上限(一年期贷款市场报价利率的60%)和单户企业年度贴息上限(50万元)参照固原市彭阳县科技型企业贷款贴息政策(据公开报道,https://www.zjtxrd.cn/tx/647.html);贴息期限最长2年参照随州市科学技术局《关于财政金融联动支持经济高质量发展若干措施》市级财政贴息政策解读(http://kjj.suizhou.gov.cn/fbjd_38/zfxxgkgz/zc/zcjd_13059/202507/t20250717_1349122.shtml);风险补偿资金池规模(4000万元)、分档补偿比例(50%、70%、90%)和单笔补偿上限(300万元)参照珠海市科技信贷风险补偿金(https://kjjr.zhsti.net/technology.html)。",
    },
    {
      id: "2",
      label: "第二条",
      section: null,
      text: "适用范围\n在长治高新区注册的企业,通过长治网络金融超市获得合作银行发放的科技金融产品贷款(信用贷款、担保贷款、知识产权质押贷款),适用本办法。",
    },
    {
      id: "3",
      label: "第三条",
      section: null,
      text: "贴息标准\n对企业在计息期间按贷款合同实际支付的利息,按50%给予贴息,贴息额不超过按同期一年期贷款市场报价利率(LPR)计算的利息的60%。利息按实际天数计算,日利率为年利率除以360;实际支付利息高于按合同利率计算的利息的,以按合同利率计算的利息为准;计息期间内LPR调整的,分段计算。",
    },
    {
      id: "4",
      label: "第四条",
      section: null,
      text: "贴息限额\n单户企业年度贴息最高50万元,同一企业享受贴息最长不超过2年。",
    },
    {
      id: "5",
      label: "第五条",
      section: null,
      text: "贴息申请\n贷款发放后,企业可依据平台的放款记录申请贴息,填写计息截止日和实际支付利息;放款银行确认实际支付利息后,园区审核、公示并拨付。",
    },
    {
      id: "6",
      label: "第六条",
      section: null,
      text: "风险补偿资金池\n园区设立科技信贷风险补偿资金池,演示规模4000万元,纳入资金池的产品为“科技助保贷”。合作银行发放的纳入产品贷款,在放款时登记入池。",
    },
    {
      id: "7",
      label: "第七条",
      section: null,
      text: "补偿比例\n登记入池的贷款发生不良的,按该笔不良贷款本金余额分档补偿:企业经本平台获得的首笔贷款,补偿90%;信用贷款,补偿70%;其他贷款,补偿50%。同时符合的,按从高原则补偿。",
    },
    {
      id: "8",
      label: "第八条",
      section: null,
      text: "补偿上限\n单笔贷款补偿最高300万元;每家合作银行累计补偿最高1000万元(演示设定)。资金池余额不足的,不予超额补偿。",
    },
    {
      id: "9",
      label: "第九条",
      section: null,
      text: "补偿申请与追偿\n合作银行应在贷款逾期之日起60个工作日内提出补偿申请,并提供不良贷款本金余额、追偿措施等材料;园区在20个工作日内审核。补偿后追回的款项,按补偿比例退回资金池(演示设定)。",
    },
    {
      id: "10",
      label: "第十条",
      section: null,
      text: "演示期\n本办法为演示文件,演示期自2025年1月1日起至2027年12月31日止。",
    },
  ],
};

export default changzhiLoanSupportDemo;
