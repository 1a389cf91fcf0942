//! The closed vocabularies of the domain (see ../shared/glossary.md).
//!
//! Sectors are open (named by the statutes data); everything here is fixed by law or standard.

use serde::{Deserialize, Serialize};

/// `ALL` and `key()` for a fieldless enum from one list: the keys used in rule files, packs, forms and
/// JSON output. Serde's `rename_all = "snake_case"` must give the same names (tested).
macro_rules! keys {
    ($ty:ident { $($variant:ident = $key:literal),* $(,)? }) => {
        impl $ty {
            /// Every value, in declaration order.
            pub const ALL: [$ty; [$($key),*].len()] = [$($ty::$variant),*];
            /// Stable key, as in rule files and JSON output.
            pub fn key(self) -> &'static str {
                match self {
                    $($ty::$variant => $key,)*
                }
            }
        }
    };
}
pub(crate) use keys;

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
    WorkSafety = "work_safety",
    Environmental = "environmental",
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

impl AccidentGrade {
    /// All grades, mildest first.
    pub const ALL: [AccidentGrade; 4] = [
        AccidentGrade::Ordinary,
        AccidentGrade::Larger,
        AccidentGrade::Serious,
        AccidentGrade::EspeciallySerious,
    ];
    /// Key used in factor tables.
    pub fn key(self) -> &'static str {
        match self {
            AccidentGrade::Ordinary => "ordinary",
            AccidentGrade::Larger => "larger",
            AccidentGrade::Serious => "serious",
            AccidentGrade::EspeciallySerious => "especially_serious",
        }
    }
    /// Chinese name.
    pub fn zh(self) -> &'static str {
        match self {
            AccidentGrade::Ordinary => "一般事故",
            AccidentGrade::Larger => "较大事故",
            AccidentGrade::Serious => "重大事故",
            AccidentGrade::EspeciallySerious => "特别重大事故",
        }
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
    Large = "large",
    Medium = "medium",
    Small = "small",
    Micro = "micro",
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

impl StandardisationGrade {
    /// Best first.
    pub const ALL: [StandardisationGrade; 4] = [
        StandardisationGrade::Grade1,
        StandardisationGrade::Grade2,
        StandardisationGrade::Grade3,
        StandardisationGrade::None,
    ];
    /// Key used in factor tables.
    pub fn key(self) -> &'static str {
        match self {
            StandardisationGrade::Grade1 => "grade1",
            StandardisationGrade::Grade2 => "grade2",
            StandardisationGrade::Grade3 => "grade3",
            StandardisationGrade::None => "none",
        }
    }
}

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

impl EnvRiskGrade {
    /// Mildest first.
    pub const ALL: [EnvRiskGrade; 3] = [
        EnvRiskGrade::General,
        EnvRiskGrade::Larger,
        EnvRiskGrade::Major,
    ];
    /// Key used in factor tables.
    pub fn key(self) -> &'static str {
        match self {
            EnvRiskGrade::General => "general",
            EnvRiskGrade::Larger => "larger",
            EnvRiskGrade::Major => "major",
        }
    }
}

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

impl EnvCreditGrade {
    /// Best first.
    pub const ALL: [EnvCreditGrade; 4] = [
        EnvCreditGrade::Trustworthy,
        EnvCreditGrade::Good,
        EnvCreditGrade::Warning,
        EnvCreditGrade::Poor,
    ];
    /// Key used in factor tables.
    pub fn key(self) -> &'static str {
        match self {
            EnvCreditGrade::Trustworthy => "trustworthy",
            EnvCreditGrade::Good => "good",
            EnvCreditGrade::Warning => "warning",
            EnvCreditGrade::Poor => "poor",
        }
    }
}

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
    Low = "low",
    Medium = "medium",
    High = "high",
});
