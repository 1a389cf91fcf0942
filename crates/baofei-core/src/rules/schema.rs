//! How rule files are read: one [`FromJson`] reading per rule type, on the strict reader in
//! [`crate::json`]. Field lists are the rule-file schema: required fields first, then the optional
//! ones (absent means none, empty or false). Unknown fields are refused everywhere.

use crate::citation::{Citation, Reference};
use crate::domain::RiskTier;
use crate::domain::{Line, Obligation, PremiumBasis, SizeClass};
use crate::json::packed::{malformed, Packed, Reader};
use crate::json::shape::{field, object, quote, Shape};
use crate::json::{At, Fields, FromJson, Json, JsonError};
use crate::rules::{
    ContractBand, ContractRow, Dated, Flag, FloatBand, GuidanceRule, LimitTier, LossRatioBand,
    ObligationRule, OfferRules, PackMeta, Param, Penalty, PricingPack, RateEntry, Region, Scheme,
    SectorDef, ServiceRule, Statutes,
};
use crate::{from_json_keys, from_json_struct};

from_json_keys!(Line, Obligation, PremiumBasis, SizeClass, RiskTier, Flag);

// Not through `from_json_struct!`: `host` is never read from a file (see `Citation::host`).
impl FromJson for Citation {
    fn from_json(v: &Json<'_>, at: &At<'_>) -> Result<Self, JsonError> {
        let f = Fields::new(v, at, &["document", "number", "article", "url"])?;
        Ok(Citation {
            document: f.req("document")?,
            number: f.opt("number")?,
            article: f.opt("article")?,
            url: f.opt("url")?,
            host: false,
        })
    }
}
from_json_struct!(Reference { zh, en });
from_json_struct!(Region { id, name_zh, name_en } optional { parent });
from_json_struct!(SectorDef { id, line, group_zh, group_en, name_zh, name_en, basis }
    optional { high_risk_project });
from_json_struct!(ObligationRule { line, sectors, obligation, text_zh, text_en, from, source }
    optional { regions, until });
from_json_struct!(Penalty {
    fine_min,
    fine_max,
    repeat_min,
    repeat_max,
    text_zh,
    text_en
});
from_json_struct!(FloatBand {
    normal,
    loaded_up,
    clean_years
});
from_json_struct!(ServiceRule { id, line, name_zh, name_en, per_year, from, source }
    optional { until, sizes, tiers, regions, illustrative });
from_json_struct!(GuidanceRule { id, line, text_zh, text_en, from, source }
    optional { sectors, regions, min_obligation, when, until });
from_json_struct!(Statutes {
    version,
    regions,
    sectors,
    obligations,
    penalty,
    minimum_limit,
    float_band,
    prevention_min,
    prevention_max,
    services,
    guidance,
    offer_rules,
});
from_json_struct!(OfferRules {
    commission_cap,
    policy_term_years,
    services_in_contract,
    covered_items,
});
from_json_struct!(ContractBand { rows } optional { up_to });
from_json_struct!(ContractRow { per_person, aggregate, rate } optional { high_risk_rate });
from_json_struct!(LimitTier { limit, premium });
from_json_struct!(RateEntry { sectors, scheme } optional { sector_factors, reference });
from_json_struct!(LossRatioBand { factor } optional { below });
from_json_struct!(PackMeta {
    id,
    version,
    name_zh,
    name_en
});
from_json_struct!(PricingPack {
    meta,
    rates,
    size_factors,
    env_risk_factors,
    accident_factors,
    death_factors,
    consecutive_fatal_factors,
    standardisation_factors,
    claim_free_factors,
    blacklist_factors,
    refused_rectification_factors,
    env_credit_factors,
    loss_ratio_factors,
    clean_floor,
});

impl FromJson for crate::rules::FactorValue {
    fn from_json(v: &Json<'_>, at: &At<'_>) -> Result<Self, JsonError> {
        FromJson::from_json(v, at).map(crate::rules::FactorValue)
    }
}

impl<T: FromJson> FromJson for Dated<T> {
    fn from_json(v: &Json<'_>, at: &At<'_>) -> Result<Self, JsonError> {
        let f = Fields::new(
            v,
            at,
            &[
                "from",
                "until",
                "value",
                "source",
                "illustrative",
                "note",
                "note_zh",
                "reference",
            ],
        )?;
        Ok(Dated {
            from: f.req("from")?,
            until: f.opt("until")?,
            value: f.req("value")?,
            source: f.req("source")?,
            illustrative: f.opt("illustrative")?,
            note: f.opt("note")?,
            note_zh: f.opt("note_zh")?,
            reference: f.opt("reference")?,
        })
    }
}

impl<T: FromJson> FromJson for Param<T> {
    fn from_json(v: &Json<'_>, at: &At<'_>) -> Result<Self, JsonError> {
        let f = Fields::new(v, at, &["description", "unit", "national", "regions"])?;
        Ok(Param {
            description: f.req("description")?,
            unit: f.req("unit")?,
            national: f.opt("national")?,
            regions: f.opt("regions")?,
        })
    }
}

/// Tagged by `kind`; each kind has its own fields.
impl FromJson for Scheme {
    fn from_json(v: &Json<'_>, at: &At<'_>) -> Result<Self, JsonError> {
        let kind: String = Fields::new(
            v,
            at,
            &[
                "kind",
                "rate",
                "yuan_per_tonne",
                "bands",
                "metro_factor",
                "tiers",
            ],
        )?
        .req("kind")?;
        let fields = |known: &[&str]| Fields::new(v, at, known);
        Ok(match kind.as_str() {
            "proportional" => Scheme::Proportional {
                rate: fields(&["kind", "rate"])?.req("rate")?,
            },
            "per_tonne" => Scheme::PerTonne {
                yuan_per_tonne: fields(&["kind", "yuan_per_tonne"])?.req("yuan_per_tonne")?,
            },
            "contract_table" => {
                let f = fields(&["kind", "bands", "metro_factor"])?;
                Scheme::ContractTable {
                    bands: f.req("bands")?,
                    metro_factor: f.opt("metro_factor")?,
                }
            }
            "limit_tiers" => Scheme::LimitTiers {
                tiers: fields(&["kind", "tiers"])?.req("tiers")?,
            },
            other => {
                return Err(at.field("kind").error(
                    format!("unknown variant `{other}`, expected one of proportional, per_tonne, contract_table, limit_tiers"),
                    format!("未知的计费方式 `{other}`，可用: proportional, per_tonne, contract_table, limit_tiers"),
                ))
            }
        })
    }
}

// The JSON Schema of the readings written by hand above (issue 30 M8): the same members, required or not,
// as each reading (`Fields::new`'s list; `req` or `opt`).

impl Shape for Citation {
    fn shape() -> String {
        object(&[
            ("document", field(|c: &Citation| &c.document), true),
            ("number", field(|c: &Citation| &c.number), false),
            ("article", field(|c: &Citation| &c.article), false),
            ("url", field(|c: &Citation| &c.url), false),
        ])
    }
}

impl Shape for crate::rules::FactorValue {
    fn shape() -> String {
        <rust_decimal::Decimal as Shape>::shape()
    }
}

impl<T: Shape> Shape for Dated<T> {
    fn shape() -> String {
        object(&[
            ("from", field(|d: &Dated<T>| &d.from), true),
            ("until", field(|d: &Dated<T>| &d.until), false),
            ("value", field(|d: &Dated<T>| &d.value), true),
            ("source", field(|d: &Dated<T>| &d.source), true),
            ("illustrative", field(|d: &Dated<T>| &d.illustrative), false),
            ("note", field(|d: &Dated<T>| &d.note), false),
            ("note_zh", field(|d: &Dated<T>| &d.note_zh), false),
            ("reference", field(|d: &Dated<T>| &d.reference), false),
        ])
    }
}

impl<T: Shape> Shape for Param<T> {
    fn shape() -> String {
        object(&[
            ("description", field(|p: &Param<T>| &p.description), true),
            ("unit", field(|p: &Param<T>| &p.unit), true),
            ("national", field(|p: &Param<T>| &p.national), false),
            ("regions", field(|p: &Param<T>| &p.regions), false),
        ])
    }
}

/// One schema per `kind`, each with only its own members.
impl Shape for Scheme {
    fn shape() -> String {
        let kind = |k: &str| format!(r#"{{"const":{}}}"#, quote(k));
        let variants = [
            object(&[
                ("kind", kind("proportional"), true),
                ("rate", <rust_decimal::Decimal as Shape>::shape(), true),
            ]),
            object(&[
                ("kind", kind("per_tonne"), true),
                (
                    "yuan_per_tonne",
                    <rust_decimal::Decimal as Shape>::shape(),
                    true,
                ),
            ]),
            object(&[
                ("kind", kind("contract_table"), true),
                ("bands", <Vec<ContractBand> as Shape>::shape(), true),
                (
                    "metro_factor",
                    <Option<rust_decimal::Decimal> as Shape>::shape(),
                    false,
                ),
            ]),
            object(&[
                ("kind", kind("limit_tiers"), true),
                ("tiers", <Vec<LimitTier> as Shape>::shape(), true),
            ]),
        ];
        format!(r#"{{"oneOf":[{}]}}"#, variants.join(","))
    }
}

/// The pricing pack's schema as a document: `baofei pack schema`, `docs/pack.schema.json`.
pub fn pack_schema() -> String {
    let body = PricingPack::shape();
    format!(
        r#"{{"$schema":"https://json-schema.org/draft/2020-12/schema","title":"Baofei pricing pack","description":"An insurer's rate tables for Baofei (docs/EMBEDDING.md, \"Insurer rule packs\"). Generated from the engine's own readers by `baofei pack schema`; every decimal is a string; `until` is the first day a value is no longer in force.",{}"#,
        &body[1..]
    )
}

// The compact binary forms of the readings written by hand above (issue 31, `json::packed`): the same
// members in the same order. `Citation::host` is not packed, like it is not read.

impl Packed for Citation {
    fn pack(&self, out: &mut Vec<u8>) {
        self.document.pack(out);
        self.number.pack(out);
        self.article.pack(out);
        self.url.pack(out);
    }
    fn unpack(r: &mut Reader<'_>) -> Self {
        Citation {
            document: Packed::unpack(r),
            number: Packed::unpack(r),
            article: Packed::unpack(r),
            url: Packed::unpack(r),
            host: false,
        }
    }
}

impl Packed for crate::rules::FactorValue {
    fn pack(&self, out: &mut Vec<u8>) {
        self.0.pack(out);
    }
    fn unpack(r: &mut Reader<'_>) -> Self {
        crate::rules::FactorValue(Packed::unpack(r))
    }
}

impl<T: Packed> Packed for Dated<T> {
    fn pack(&self, out: &mut Vec<u8>) {
        self.from.pack(out);
        self.until.pack(out);
        self.value.pack(out);
        self.source.pack(out);
        self.illustrative.pack(out);
        self.note.pack(out);
        self.note_zh.pack(out);
        self.reference.pack(out);
    }
    fn unpack(r: &mut Reader<'_>) -> Self {
        Dated {
            from: Packed::unpack(r),
            until: Packed::unpack(r),
            value: Packed::unpack(r),
            source: Packed::unpack(r),
            illustrative: Packed::unpack(r),
            note: Packed::unpack(r),
            note_zh: Packed::unpack(r),
            reference: Packed::unpack(r),
        }
    }
}

impl<T: Packed> Packed for Param<T> {
    fn pack(&self, out: &mut Vec<u8>) {
        self.description.pack(out);
        self.unit.pack(out);
        self.national.pack(out);
        self.regions.pack(out);
    }
    fn unpack(r: &mut Reader<'_>) -> Self {
        Param {
            description: Packed::unpack(r),
            unit: Packed::unpack(r),
            national: Packed::unpack(r),
            regions: Packed::unpack(r),
        }
    }
}

/// The kind as one byte (its place in the JSON reading's list), then that kind's members.
impl Packed for Scheme {
    fn pack(&self, out: &mut Vec<u8>) {
        match self {
            Scheme::Proportional { rate } => {
                out.push(0);
                rate.pack(out);
            }
            Scheme::PerTonne { yuan_per_tonne } => {
                out.push(1);
                yuan_per_tonne.pack(out);
            }
            Scheme::ContractTable {
                bands,
                metro_factor,
            } => {
                out.push(2);
                bands.pack(out);
                metro_factor.pack(out);
            }
            Scheme::LimitTiers { tiers } => {
                out.push(3);
                tiers.pack(out);
            }
        }
    }
    fn unpack(r: &mut Reader<'_>) -> Self {
        match u8::unpack(r) {
            0 => Scheme::Proportional {
                rate: Packed::unpack(r),
            },
            1 => Scheme::PerTonne {
                yuan_per_tonne: Packed::unpack(r),
            },
            2 => Scheme::ContractTable {
                bands: Packed::unpack(r),
                metro_factor: Packed::unpack(r),
            },
            3 => Scheme::LimitTiers {
                tiers: Packed::unpack(r),
            },
            _ => malformed(),
        }
    }
}
