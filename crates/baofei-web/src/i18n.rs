//! Every interface string, one table per language. Names of regions, sectors and rules come from the
//! rule data, which carries both languages itself.

use crate::model::Lang;

/// The text in the interface language.
pub fn msg(lang: Lang, zh: &str, en: &str) -> String {
    if lang == Lang::Zh {
        zh.to_string()
    } else {
        en.to_string()
    }
}

/// The interface strings. Each field is named after what it labels; arrays follow the order of the
/// engine's enums (size classes, accident grades, standardisation grades...).
#[allow(missing_docs)] // ~100 self-describing labels; a doc line each would only repeat the name.
pub struct T {
    pub title: &'static str,
    pub subtitle: &'static str,
    pub switch_lang: &'static str,
    /// The elder-friendly mode's toggle (长辈版).
    pub elder_mode: &'static str,
    pub print: &'static str,
    pub form_heading: &'static str,
    /// Why the date matters.
    pub as_of_hint: &'static str,
    /// The page's title.
    pub page_title: &'static str,
    /// The page's meta description.
    pub page_description: &'static str,
    /// The reset button.
    pub start_over: &'static str,
    /// The skip link to the result.
    pub skip_to_result: &'static str,
    pub sector_group: &'static str,
    pub scale_heading: &'static str,
    pub size_auto: &'static str,
    pub limits_heading: &'static str,
    pub limit_hint: &'static str,
    pub history_heading: &'static str,
    pub history_help: &'static str,
    /// The loaded band on the environmental line (incidents, not deaths).
    pub env_band_loaded: &'static str,
    /// The history heading on the environmental line (突发环境事件).
    pub env_history_heading: &'static str,
    /// Its help text.
    pub env_history_help: &'static str,
    pub years: [&'static str; 3],
    pub grades: [&'static str; 4],
    pub deaths: &'static str,
    pub safety_heading: &'static str,
    pub result_heading: &'static str,
    pub premium: &'static str,
    pub range: &'static str,
    pub guided: &'static str,
    pub compulsory: [&'static str; 3],
    pub penalty: &'static str,
    pub basis: &'static str,
    pub minimum_limit: &'static str,
    pub no_minimum: &'static str,
    pub chosen_limit: &'static str,
    pub band: &'static str,
    pub band_kinds: [&'static str; 3],
    pub prevention_heading: &'static str,
    pub fund_min: &'static str,
    pub fund_max: &'static str,
    pub services: &'static str,
    pub per_year: &'static str,
    pub per_contract: &'static str,
    pub warnings: &'static str,
    pub assumptions: &'static str,
    pub trace_heading: &'static str,
    pub step: &'static str,
    pub parameter: &'static str,
    pub value: &'static str,
    pub source: &'static str,
    pub illustrative: &'static str,
    pub illustrative_note: &'static str,
    pub disclaimer: &'static str,
    pub errors_heading: &'static str,
    pub assess_heading: &'static str,
    pub assess_help: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub unanswered: &'static str,
    pub tier: &'static str,
    pub gaps: &'static str,
    pub no_gaps: &'static str,
    pub saves: &'static str,
    pub costs: &'static str,
    pub no_price_effect: &'static str,
    pub share_heading: &'static str,
    pub share_help: &'static str,
    pub copy: &'static str,
    pub copied: &'static str,
    /// Where the browser cannot copy: the link is selected instead.
    pub copy_by_hand: &'static str,
    pub remember: &'static str,
    pub remember_help: &'static str,
    pub related_heading: &'static str,
    pub link_error: &'static str,
    pub engine_error: &'static str,
    pub crash: &'static str,
    pub risk_tier: &'static str,
    pub rules_version: &'static str,
    pub facts_heading: &'static str,
    pub facts_help: &'static str,
    pub accident_n: &'static str,
    pub injuries: &'static str,
    pub loss: &'static str,
    pub derived_grade: &'static str,
    /// "No other cover" in the other-cover select (the covers name themselves: `OtherCover::name`).
    pub none_held: &'static str,
    pub notes_heading: &'static str,
    pub next_steps_heading: &'static str,
    pub summary_heading: &'static str,
    pub none_entered: &'static str,
    /// The related schemes of the seeds, in the order of `app::RELATED_SOURCES`.
    pub related: [&'static str; 3],
    /// The offer check, as a name in notes about a link.
    pub offer_check: &'static str,
}

/// 简体中文.
pub const ZH: T = T {
    title: "安责险 · 环责险 保费测算与自评",
    subtitle: "输入企业情况，查看是否强制投保、估算保费、法定最低限额和保险机构应提供的事故预防服务。全部在浏览器内计算，不发送任何数据。",
    switch_lang: "English",
    elder_mode: "长辈版",
    print: "打印报价单",
    form_heading: "企业情况",
    as_of_hint: "决定适用哪一天起施行的规定，例如自2025-03-29起法定最低每人限额为40万元。",
    start_over: "重新开始",
    page_title: "安责险·环责险保费测算与自评",
    page_description: "安全生产责任保险与环境污染责任保险：是否强制投保、估算保费、法定最低限额、事故预防服务与自评。全部在浏览器内计算。",
    skip_to_result: "跳到测算结果",
    sector_group: "行业",
    scale_heading: "规模与计费基础",
    size_auto: "按人数推定",
    limits_heading: "责任限额",
    limit_hint: "留空则按当日法定最低限额",
    history_heading: "近三年生产安全事故",
    history_help: "按事故等级填写起数和死亡人数；没有事故留空即可。",
    env_history_heading: "近三年突发环境事件",
    env_band_loaded: "最高可上浮+150%，即最高为2.5倍(较大以上突发环境事件)",
    env_history_help: "按事件等级(一般、较大、重大、特别重大)填写起数；没有事件留空即可。",
    years: ["上一年", "前两年", "前三年"],
    grades: ["一般", "较大", "重大", "特别重大"],
    deaths: "死亡人数",
    safety_heading: "安全管理与信用",
    result_heading: "测算结果",
    premium: FIGURES_ZH.premium,
    range: FIGURES_ZH.range,
    guided: "指导保费(浮动前)",
    compulsory: FIGURES_ZH.compulsory,
    penalty: "未按规定投保的处罚",
    basis: "依据",
    minimum_limit: FIGURES_ZH.minimum_limit,
    no_minimum: FIGURES_ZH.no_minimum,
    chosen_limit: "所选每人限额",
    band: "浮动幅度",
    band_kinds: ["常规 ±40%", "最高可上浮+150%，即最高为2.5倍(较大以上事故或连续两年亡人)", "连续3年无事故，下浮可超过40%"],
    prevention_heading: "事故预防资金与服务",
    fund_min: "事故预防资金不低于",
    fund_max: "预防服务支出不超过",
    services: "保险机构应提供的服务",
    per_year: "次/年",
    per_contract: "按合同约定",
    warnings: "提示",
    assumptions: "推定与默认",
    trace_heading: "计算过程(每一步及依据)",
    step: "步骤",
    parameter: "参数",
    value: "结果",
    source: "依据",
    illustrative: "示意",
    illustrative_note: "标“示意”的参数没有公开数据，是本工具的假设。",
    disclaimer: "本结果为估算，仅供参考；实际保费以保险机构备案的条款费率和保险合同为准。",
    errors_heading: "请修正以下输入",
    assess_heading: "自评：风险等级与改进建议",
    assess_help: "回答以下问题，查看风险分级、存在的差距，以及弥补每项差距对保费的影响(由测算引擎重新计算)。",
    yes: "是",
    no: "否",
    unanswered: "未答",
    tier: "风险等级",
    gaps: "差距与下一步",
    no_gaps: "已回答的问题中未发现差距。",
    saves: "可节省",
    costs: "将增加",
    no_price_effect: "不直接影响保费，属合规要求",
    share_heading: "分享与保存",
    share_help: "链接包含全部输入(在 # 之后，不会发送到服务器)。",
    copy: "复制链接",
    copied: "已复制",
    copy_by_hand: "此浏览器不支持自动复制：链接已选中，请按 Ctrl+C 或长按复制。",
    remember: "在本机记住我的输入",
    remember_help: "勾选后保存在本浏览器的本地存储中；取消勾选即删除。",
    related_heading: "相关制度",
    link_error: "分享链接无法识别，已使用默认值。",
    engine_error: "无法计算",
    crash: "组件出现意外错误，请刷新页面。",
    risk_tier: FIGURES_ZH.risk_tier,
    rules_version: "规则版本",
    facts_heading: "不清楚事故等级？按事故情况填写",
    facts_help: "填写死亡、重伤人数和直接经济损失，系统按《生产安全事故报告和调查处理条例》(国务院令第493号)第三条自动判定等级。这里填写的事故与上方表格中的起数相加：同一起事故只在一处填写。",
    accident_n: "事故",
    injuries: "重伤(含急性工业中毒)",
    loss: "直接经济损失(万元)",
    derived_grade: "判定等级",
    none_held: "无",
    notes_heading: "投保义务与政策支持",
    next_steps_heading: "下一步：降低保费或弥补合规差距",
    summary_heading: "测算依据的企业信息",
    none_entered: "无",
    related: [
        "中山市巨灾指数保险：市财政局、应急管理局、金融工作局、气象局联合请示开展巨灾保险试点，计划2021年度开始，以分散自然灾害风险。",
        "长春市生态环境损害赔偿：对赔偿金额较大、风险较大的企业推行环境污染强制责任保险，作为生态环境损害赔偿的保障；涉重金属、危废及石油化工等高风险企业应保尽保。",
        "重庆绿色保险：《重庆市企业环境信用评价办法》对环保诚信企业给予环境污染责任保险费率优惠；2020年投保企业71家、保费1.56亿元；大渡口建桥工业园区首次为园区公共区域投保。",
    ],
    offer_check: "报价核对(安责险报价)",
};

/// English.
pub const EN: T = T {
    title: "Work-safety and pollution liability insurance: premium estimate and self-assessment",
    subtitle: "Enter your enterprise to see whether insurance is compulsory, an estimated premium, the legal minimum limits and the prevention services your insurer owes. Everything is computed in your browser; nothing is sent.",
    switch_lang: "中文",
    elder_mode: "Large text",
    print: "Print quote sheet",
    form_heading: "Your enterprise",
    as_of_hint: "Decides which rules apply: for example the legal minimum of CNY 400,000 per person from 2025-03-29.",
    start_over: "Start over",
    page_title: "Baofei — premium estimate and self-assessment for work-safety and pollution liability insurance",
    page_description: "Work-safety (安责险) and pollution (环责险) liability insurance in China: whether it is compulsory, an estimated premium, the legal minimum limits, prevention services and a self-assessment. Computed in your browser.",
    skip_to_result: "Skip to the result",
    sector_group: "Sector",
    scale_heading: "Scale and premium basis",
    size_auto: "From headcount",
    limits_heading: "Liability limits",
    limit_hint: "Empty: the legal minimum on the as-of date",
    history_heading: "Work-safety accidents, last three years",
    history_help: "Number of accidents by grade and deaths; leave empty if none.",
    env_history_heading: "Environmental incidents (突发环境事件), last three years",
    env_band_loaded: "Up to +150%, i.e. at most 2.5× (a 较大+ environmental incident)",
    env_history_help: "Number of incidents by grade; leave empty if none.",
    years: ["Last year", "Two years ago", "Three years ago"],
    grades: ["Ordinary (一般)", "Larger (较大)", "Serious (重大)", "Especially serious (特别重大)"],
    deaths: "Deaths",
    safety_heading: "Safety management and credit",
    result_heading: "Result",
    premium: FIGURES_EN.premium,
    range: FIGURES_EN.range,
    guided: "Guided premium (before float)",
    compulsory: FIGURES_EN.compulsory,
    penalty: "Penalty for not insuring",
    basis: "Legal basis",
    minimum_limit: FIGURES_EN.minimum_limit,
    no_minimum: FIGURES_EN.no_minimum,
    chosen_limit: "Chosen per-person limit",
    band: "Float band",
    band_kinds: ["Normal ±40%", "Up to +150%, i.e. at most 2.5× (较大+ accident or deaths two years running)", "Three accident-free years: more than 40% down allowed"],
    prevention_heading: "Prevention fund and services",
    fund_min: "Prevention fund at least",
    fund_max: "Prevention spending at most",
    services: "Services the insurer owes",
    per_year: "per year",
    per_contract: "as agreed in the contract",
    warnings: "Warnings",
    assumptions: "Assumptions and defaults",
    trace_heading: "How this was computed (every step, with its source)",
    step: "Step",
    parameter: "Parameter",
    value: "Value",
    source: "Source",
    illustrative: "illustrative",
    illustrative_note: "Parameters marked illustrative have no published figure; they are this tool's assumptions.",
    disclaimer: "This is an estimate for reference only; the insurer's filed clauses and rates and the policy decide the premium.",
    errors_heading: "Please correct these inputs",
    assess_heading: "Self-assessment: risk tier and next steps",
    assess_help: "Answer these questions to see your risk tier, the gaps found, and how closing each would change the premium (recomputed by the engine).",
    yes: "Yes",
    no: "No",
    unanswered: "Not answered",
    tier: "Risk tier",
    gaps: "Gaps and next steps",
    no_gaps: "No gaps in the questions answered.",
    saves: "saves",
    costs: "adds",
    no_price_effect: "no direct premium effect; a compliance duty",
    share_heading: "Share and save",
    share_help: "The link holds all inputs (after #, never sent to a server).",
    copy: "Copy link",
    copied: "Copied",
    copy_by_hand: "This browser cannot copy automatically: the link is selected; press Ctrl+C or long-press to copy it.",
    remember: "Remember my inputs on this device",
    remember_help: "Saved in this browser's local storage when ticked; unticking deletes it.",
    related_heading: "Related schemes",
    link_error: "The share link was not recognised; defaults are shown.",
    engine_error: "Cannot compute",
    crash: "The widget hit an unexpected error. Please reload the page.",
    risk_tier: FIGURES_EN.risk_tier,
    rules_version: "Rules version",
    facts_heading: "Don't know the grade? Enter the accident's facts",
    facts_help: "Enter deaths, serious injuries and direct economic loss; the grade follows Art. 3 of State Council Decree No. 493. Accidents entered here are added to the counts in the table above: enter each accident in one place only.",
    accident_n: "Accident",
    injuries: "Serious injuries (incl. acute poisoning)",
    loss: "Direct loss (CNY 10,000)",
    derived_grade: "Grade",
    none_held: "None",
    notes_heading: "Duties and support",
    next_steps_heading: "Next steps: lower the premium or close a compliance gap",
    summary_heading: "Enterprise facts used",
    none_entered: "none",
    related: [
        "Zhongshan catastrophe index insurance: the city's finance, emergency, finance-work and weather bureaus jointly proposed a pilot from 2021 to spread natural-disaster risk.",
        "Changchun ecological damage compensation: compulsory pollution liability insurance backs compensation for high-risk enterprises; heavy-metal, hazardous-waste and petrochemical enterprises are to be fully covered.",
        "Chongqing green insurance: the enterprise environmental credit measures give 诚信 enterprises pollution-insurance rate discounts; 71 enterprises insured in 2020 (premium 156 million yuan); the first industrial-park common-area policy (Jianqiao park, Dadukou).",
    ],
    offer_check: "the offer check (work-safety offers only)",
};

/// The labels of the headline figures, which the first look's card (`crate::first`, issue 31) shares
/// with the result panel: a table of their own, so the first look's wasm carries these few strings and
/// not the whole interface's.
#[allow(missing_docs)] // the same names as the fields of `T` they fill.
pub struct Figures {
    pub premium: &'static str,
    pub range: &'static str,
    pub compulsory: [&'static str; 3],
    pub minimum_limit: &'static str,
    pub no_minimum: &'static str,
    pub risk_tier: &'static str,
    /// The premium's label when it is priced on a project's contract value (it covers the project, not a
    /// year: newcomer review 2.4).
    pub premium_project: &'static str,
    /// The range's label when the band is borrowed or assumed (not "what the law allows" here).
    pub range_borrowed: &'static str,
}

impl Figures {
    /// The premium's label, for a premium priced on a project's contract value or not.
    pub fn premium_for(&self, project: bool) -> &'static str {
        if project {
            self.premium_project
        } else {
            self.premium
        }
    }

    /// The range's label, for a borrowed band or the law's own.
    pub fn range_for(&self, borrowed: bool) -> &'static str {
        if borrowed {
            self.range_borrowed
        } else {
            self.range
        }
    }
}

/// The headline figures' labels in Chinese.
pub const FIGURES_ZH: Figures = Figures {
    premium: "估算年保费",
    range: "法定浮动范围(以指导保费为基准)",
    compulsory: ["鼓励投保", "应保尽保(地方或试点要求)", "强制投保"],
    minimum_limit: "法定最低每人限额",
    no_minimum: "无法定最低限额",
    risk_tier: "风险分级",
    premium_project: "估算保费(按工程项目)",
    range_borrowed: "浮动范围(参照规定，以指导保费为基准)",
};

/// The headline figures' labels in English.
pub const FIGURES_EN: Figures = Figures {
    premium: "Estimated annual premium",
    range: "Range the law allows around the guided premium",
    compulsory: ["Encouraged", "Expected (local or pilot rule)", "Compulsory"],
    minimum_limit: "Legal minimum per-person limit",
    no_minimum: "No statutory minimum",
    risk_tier: "Risk tier",
    premium_project: "Estimated premium (for the project)",
    range_borrowed: "Range around the guided premium (borrowed rule)",
};

/// The headline figures' labels for a language.
pub fn figures(lang: Lang) -> &'static Figures {
    match lang {
        Lang::Zh => &FIGURES_ZH,
        Lang::En => &FIGURES_EN,
    }
}

/// The table for a language.
pub fn t(lang: Lang) -> &'static T {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

/// A short English gloss of a cited document's Chinese title, for English readers: the title
/// itself stays Chinese (that is what the document is called and how it is found).
pub fn gloss(document: &str) -> Option<&'static str> {
    const GLOSSES: &[(&str, &str)] = &[
        (
            "安全生产责任保险实施办法",
            "national measures on work-safety liability insurance",
        ),
        ("中华人民共和国安全生产法", "Work Safety Law"),
        (
            "重庆市人民政府办公厅关于在高危行业领域强制推行",
            "Chongqing: compulsory 安责险 in high-risk sectors",
        ),
        (
            "关于进一步推进安全生产责任保险工作的通知",
            "Jilin: notice on 安责险",
        ),
        (
            "关于开展环境污染强制责任保险试点工作的指导意见",
            "national guidance on compulsory 环责险 pilots",
        ),
        (
            "生产安全事故报告和调查处理条例",
            "State Council rules on reporting and investigating accidents",
        ),
        ("阜阳市安全生产责任保险工作实施方案", "Fuyang: 安责险 plan"),
        ("湖南省建筑施工行业", "Hunan: construction rate table"),
        ("湖北省安全生产责任险承保细则", "Hubei: underwriting rules"),
        ("山东省安全生产责任保险费率表", "Shandong: rate table"),
        (
            "关于充分发挥安全生产责任保险功能作用",
            "MEM and NFRA notice, 2024",
        ),
        (
            "企业突发环境事件风险分级方法",
            "environmental incident risk grading standard",
        ),
        (
            "重庆市生态环境局",
            "Chongqing Ecology and Environment Bureau",
        ),
        (
            "长春市生态环境局",
            "Changchun Ecology and Environment Bureau",
        ),
        ("北京市工伤保险", "Beijing work-injury insurance (analogue)"),
        (
            "吉林省生态环境污染强制责任保险实施方案",
            "Jilin: compulsory 环责险 plan",
        ),
        (
            "环境污染责任保险限额与基础保费表",
            "an insurer's 环责险 table",
        ),
        (
            "关于“要求将保险主体的防灾减灾工作纳入",
            "Zhongshan emergency bureau reply",
        ),
        ("Baofei 示意参数", "Baofei's assumption"),
        ("北京市安全生产条例", "Beijing Work Safety Regulations"),
        ("山东省安全生产条例", "Shandong Work Safety Regulations"),
        ("河南省安全生产条例", "Henan Work Safety Regulations"),
        ("浙江省安全生产条例", "Zhejiang Work Safety Regulations"),
        (
            "河北省安全生产责任保险事故预防费",
            "Hebei: 安责险 prevention fee measures",
        ),
        (
            "无锡市高危行业安全生产责任保险事故预防费",
            "Wuxi: 安责险 prevention fee measures",
        ),
        (
            "广东省固体废物污染环境防治条例",
            "Guangdong Solid Waste Pollution Regulations",
        ),
        (
            "中华人民共和国固体废物污染环境防治法",
            "Solid Waste Pollution Law",
        ),
        ("梅州市安全生产责任保险实施方案", "Meizhou: 安责险 plan"),
        (
            "苏州市危险化学品企业安全生产责任保险投保单",
            "Suzhou: hazardous-chemicals 安责险 application form",
        ),
    ];
    GLOSSES
        .iter()
        .find(|(prefix, _)| document.starts_with(prefix))
        .map(|(_, g)| *g)
}
