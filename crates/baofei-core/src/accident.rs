//! Accident grade from the facts of one accident (生产安全事故报告和调查处理条例, 国务院令第493号, 第三条).
//!
//! The grade is the highest reached by any of deaths, serious injuries (incl. acute industrial poisoning)
//! and direct economic loss, so users never need to know the grades themselves.

use crate::domain::AccidentGrade;
use rust_decimal::Decimal;

/// 万元 in 元.
const WAN: i64 = 10_000;

/// The grade of one accident.
pub fn grade(deaths: u32, serious_injuries: u32, direct_loss_yuan: Decimal) -> AccidentGrade {
    let by_deaths = match deaths {
        30.. => AccidentGrade::EspeciallySerious,
        10.. => AccidentGrade::Serious,
        3.. => AccidentGrade::Larger,
        _ => AccidentGrade::Ordinary,
    };
    let by_injuries = match serious_injuries {
        100.. => AccidentGrade::EspeciallySerious,
        50.. => AccidentGrade::Serious,
        10.. => AccidentGrade::Larger,
        _ => AccidentGrade::Ordinary,
    };
    let by_loss = if direct_loss_yuan >= Decimal::from(10_000 * WAN) {
        AccidentGrade::EspeciallySerious
    } else if direct_loss_yuan >= Decimal::from(5_000 * WAN) {
        AccidentGrade::Serious
    } else if direct_loss_yuan >= Decimal::from(1_000 * WAN) {
        AccidentGrade::Larger
    } else {
        AccidentGrade::Ordinary
    };
    by_deaths.max(by_injuries).max(by_loss)
}

/// The citation for the thresholds above.
pub fn citation() -> crate::citation::Citation {
    crate::citation::Citation {
        document: "生产安全事故报告和调查处理条例".into(),
        number: Some("国务院令第493号".into()),
        article: Some("第三条".into()),
        // No official copy's address is known to us: cited as text (issue 29 point 1).
        url: None,
        host: false,
    }
}
