//! Support rules: what the programme may pay one enterprise for one unit of an item
//! ("hỗ trợ 50 % kinh phí, tối đa 65 triệu đồng cho mỗi hệ thống"). Disbursements naming an
//! enterprise are added up per activity and enterprise over all the plan's progress files,
//! and compared with the cap times the units that enterprise achieved (one, when none is
//! recorded yet): the payment that passes it is flagged.

use crate::hash::HashMap;

use rust_decimal::Decimal;

use crate::diag::cap::Sink;
use crate::diag::catalog;
use crate::model::{Decision, Plan, Progress, fold_name};

pub fn check_support(plan: &Plan, decision: &Decision, progress: &[&Progress], d: &mut Sink) {
    let items: HashMap<&str, &crate::model::Item> = decision.items.iter().map(|i| (i.id.value.as_str(), i)).collect();
    let item_of: HashMap<&str, &str> =
        plan.activities.iter().map(|a| (a.id.value.as_str(), a.item.value.as_str())).collect();
    let line_activity: HashMap<&str, &str> = plan
        .budget
        .iter()
        .flat_map(|b| &b.lines)
        .filter_map(|l| Some((l.id.value.as_str(), l.activity.as_ref()?.value.as_str())))
        .collect();
    let mut units: HashMap<(&str, String), Decimal> = HashMap::default();
    for achievement in progress.iter().flat_map(|p| &p.achievements) {
        let Some(enterprise) = &achievement.enterprise else { continue };
        let entry = units.entry((achievement.activity.value.as_str(), fold_name(&enterprise.value))).or_default();
        *entry = entry.saturating_add(achievement.quantity.value);
    }
    let mut paid: HashMap<(&str, String), Decimal> = HashMap::default();
    for payment in progress.iter().flat_map(|p| &p.disbursements) {
        let Some(enterprise) = &payment.enterprise else { continue };
        let activity = payment
            .activity
            .as_ref()
            .map(|a| a.value.as_str())
            .or_else(|| payment.line.as_ref().and_then(|l| line_activity.get(l.value.as_str()).copied()));
        let Some(activity) = activity else { continue };
        let rule = item_of.get(activity).and_then(|item| items.get(item)).and_then(|i| i.support.as_ref());
        let Some((rule, cap)) = rule.and_then(|r| Some((r, r.cap.as_ref()?))) else { continue };
        let key = (activity, fold_name(&enterprise.value));
        let count = units.get(&key).copied().filter(|u| *u > Decimal::ONE).unwrap_or(Decimal::ONE);
        let total = paid.entry(key).or_default();
        let before = *total;
        *total = total.saturating_add(payment.amount.value);
        let Some(allowed) = cap.value.checked_mul(count) else { continue };
        if *total > allowed && before <= allowed {
            d.push(catalog::support_cap_exceeded(
                &payment.amount.span,
                &enterprise.value,
                *total,
                allowed,
                count,
                rule.per.as_ref().map(|p| p.value.as_str()),
                &cap.span,
            ));
        }
    }
}
