//! The closed vocabularies of the domain, each written once, through [`keys!`]: its values, their keys
//! (rule files, packs, forms, links, JSON) and, where people read them, their names in both languages.
//!
//! Sectors are open (named by the statutes data); everything here is fixed by law or standard.

use serde::{Deserialize, Serialize};

/// `ALL`, `key()` and `from_key()` for a fieldless enum from one list: the keys used in rule files,
/// packs, forms and JSON output (serde's `rename_all = "snake_case"` must give the same names: tested).
/// With `("中文", "English")` after each key it also gives `name()`, the value as people read it.
macro_rules! keys {
    ($ty:ident { $($variant:ident = $key:literal),* $(,)? }) => {
        impl $ty {
            /// Every value, in declaration order.
            pub const ALL: [$ty; [$($key),*].len()] = [$($ty::$variant),*];
            /// Every key, in declaration order.
            pub const KEYS: [&'static str; [$($key),*].len()] = [$($key),*];
            /// Stable key, as in rule files and JSON output.
            pub const fn key(self) -> &'static str {
                match self {
                    $($ty::$variant => $key,)*
                }
            }
            /// The value with this key, if any.
            pub fn from_key(k: &str) -> Option<$ty> {
                $ty::ALL.into_iter().find(|v| v.key() == k)
            }
        }
    };
    ($ty:ident { $($variant:ident = $key:literal ($zh:literal, $en:literal)),* $(,)? }) => {
        keys!($ty { $($variant = $key),* });
        impl $ty {
            /// The value as people read it.
            pub fn name(self) -> $crate::text::Text {
                match self {
                    $($ty::$variant => $crate::text::Text::new($zh, $en),)*
                }
            }
        }
    };
}
pub(crate) use keys;

/// Which float band applied (seed 002 二(五)).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BandKind {
    /// The ordinary ±40% band.
    Normal,
    /// Loaded: a 较大 or worse accident, or fatal accidents two years running (up to +150%).
    Loaded,
    /// Three accident-free years: the downward float may exceed 40%.
    Clean,
}
keys!(BandKind {
    Normal = "normal" ("常规", "normal"),
    Loaded = "loaded" ("上浮情形", "loaded"),
    Clean = "clean" ("连续3年无事故", "three clean years"),
});

/// Insurance line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Line {
    /// 安全生产责任保险 (安责险).
    WorkSafety,
    /// 环境污染责任保险 (环责险).
    Environmental,
}

keys!(Line {
    WorkSafety = "work_safety" ("安全生产责任保险(安责险)", "Work-safety liability (安责险)"),
    Environmental = "environmental" ("环境污染责任保险(环责险)", "Environmental pollution liability (环责险)"),
});

/// Accident grade under 国务院令第493号 Art. 3, in increasing severity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AccidentGrade {
    /// 一般事故.
    Ordinary,
    /// 较大事故.
    Larger,
    /// 重大事故.
    Serious,
    /// 特别重大事故.
    EspeciallySerious,
}

keys!(AccidentGrade {
    Ordinary = "ordinary" ("一般事故", "ordinary accident"),
    Larger = "larger" ("较大事故", "larger accident"),
    Serious = "serious" ("重大事故", "serious accident"),
    EspeciallySerious = "especially_serious" ("特别重大事故", "especially serious accident"),
});

impl AccidentGrade {
    /// Chinese name.
    pub fn zh(self) -> &'static str {
        self.name().zh
    }
}

/// Enterprise size class (大型/中型/小型/微型).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SizeClass {
    /// 大型.
    Large,
    /// 中型.
    Medium,
    /// 小型.
    Small,
    /// 微型.
    Micro,
}

keys!(SizeClass {
    Large = "large" ("大型", "Large"),
    Medium = "medium" ("中型", "Medium"),
    Small = "small" ("小型", "Small"),
    Micro = "micro" ("微型", "Micro"),
});

/// 安全生产标准化等级. `None` means not graded. Ordered best first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StandardisationGrade {
    /// 一级.
    Grade1,
    /// 二级.
    Grade2,
    /// 三级.
    Grade3,
    /// 未达标 / not graded.
    None,
}

keys!(StandardisationGrade {
    Grade1 = "grade1" ("一级", "Grade 1"),
    Grade2 = "grade2" ("二级", "Grade 2"),
    Grade3 = "grade3" ("三级", "Grade 3"),
    None = "none" ("未达标", "Not graded"),
});

/// 突发环境事件风险等级 (HJ 941-2018), mildest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EnvRiskGrade {
    /// 一般.
    General,
    /// 较大.
    Larger,
    /// 重大.
    Major,
}

keys!(EnvRiskGrade {
    General = "general" ("一般", "General"),
    Larger = "larger" ("较大", "Larger"),
    Major = "major" ("重大", "Major"),
});

/// 企业环境信用评价 grade (环发〔2013〕150号), best first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EnvCreditGrade {
    /// 环保诚信 (green).
    Trustworthy,
    /// 环保良好 (blue).
    Good,
    /// 环保警示 (yellow).
    Warning,
    /// 环保不良 (red).
    Poor,
}

keys!(EnvCreditGrade {
    Trustworthy = "trustworthy" ("环保诚信(绿)", "Trustworthy (green)"),
    Good = "good" ("环保良好(蓝)", "Good (blue)"),
    Warning = "warning" ("环保警示(黄)", "Warning (yellow)"),
    Poor = "poor" ("环保不良(红)", "Poor (red)"),
});

/// Cover that seed 002 says must be added to or converted into 安责险, held instead of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OtherCover {
    /// 雇主责任保险.
    EmployerLiability,
    /// 承运人责任险.
    CarrierLiability,
    /// 建筑团体意外保险.
    ConstructionGroupAccident,
}

keys!(OtherCover {
    EmployerLiability = "employer_liability" ("仅雇主责任保险", "Employer liability only"),
    CarrierLiability = "carrier_liability" ("仅承运人责任险", "Carrier liability only"),
    ConstructionGroupAccident = "construction_group_accident" ("仅建筑团体意外保险", "Construction group accident only"),
});

/// What the rate multiplies (保费计算基础).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PremiumBasis {
    /// Insured headcount x per-person limit (all employees at one sum).
    Headcount,
    /// 工程造价, project contract value in 元 (construction).
    ContractValue,
    /// Approved annual capacity in tonnes (coal).
    Tonnage,
    /// Number of vehicles (road freight, dangerous goods).
    Vehicles,
    /// Number of seats (road passenger).
    Seats,
    /// The aggregate limit chosen (环责险 tier tables).
    AggregateLimit,
}

keys!(PremiumBasis {
    Headcount = "headcount",
    ContractValue = "contract_value",
    Tonnage = "tonnage",
    Vehicles = "vehicles",
    Seats = "seats",
    AggregateLimit = "aggregate_limit",
});

/// How strongly the law asks this enterprise to insure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Obligation {
    /// Encouraged, not required.
    Encouraged,
    /// Required of this class by a local scheme or pilot (应保尽保), without a statutory fine.
    Expected,
    /// Required by law or national measures (应当投保).
    Compulsory,
}

keys!(Obligation {
    Encouraged = "encouraged",
    Expected = "expected",
    Compulsory = "compulsory",
});

/// Risk tier of the 2024 MEM + NFRA notice (high / medium / low), used to scale prevention services.
/// It lives here, the lowest layer, because rule data (services by tier), pricing and the
/// self-assessment all name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RiskTier {
    /// 低风险.
    Low,
    /// 中风险.
    Medium,
    /// 高风险.
    High,
}

keys!(RiskTier {
    Low = "low" ("低风险", "Low risk"),
    Medium = "medium" ("中风险", "Medium risk"),
    High = "high" ("高风险", "High risk"),
});
