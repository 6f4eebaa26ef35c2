//! A decision on its own (unique ids, agencies that resolve) and a plan against its
//! decision: the citation, the period, the items, units, leads and agency names.

use super::check_unique;
use crate::diag::cap::Sink;
use crate::diag::{Code, catalog};
use crate::lower::suggest;
use crate::model::kind::number_symbol;
use crate::model::{AgencyIndex, Decision, DocumentKind, Plan, fold_name};
use crate::source::Sp;

pub fn check_decision(decision: &Decision, d: &mut Sink) {
    check_kind(decision, d);
    check_unique("agency", decision.agencies.iter().map(|a| &a.id), d);
    check_unique("item", decision.items.iter().map(|i| &i.id), d);
    let (index, clashes) = AgencyIndex::build(&decision.agencies);
    for clash in clashes {
        if let Some(first) = decision.agencies.get(clash.first) {
            let other = std::iter::once(&first.name)
                .chain(&first.aliases)
                .find(|n| fold_name(&n.value) == fold_name(&clash.name.value));
            d.push(catalog::ambiguous_agency(&clash.name.span, &clash.name.value, &other.unwrap_or(&first.name).span));
        }
    }
    let references =
        decision.lead.iter().chain(&decision.issuer).chain(decision.agencies.iter().filter_map(|a| a.parent.as_ref()));
    for reference in references {
        resolve_agency(&reference.as_str(), decision, &index, d);
    }
}

/// The number's symbol (`QĐ` in `1186/QĐ-UBND`) against the document's kind.
fn check_kind(decision: &Decision, d: &mut Sink) {
    let Some(number) = &decision.number else { return };
    let Some(symbol) = number_symbol(&number.value) else { return };
    // Without `kind`, the symbol says what the document is; one it does not know is
    // taken for a quyết định.
    let named = DocumentKind::of_number(&number.value);
    let kind = decision.kind.as_ref().map(|k| k.value).or(named).unwrap_or(DocumentKind::QuyetDinh);
    if symbol.to_lowercase() != kind.symbol().to_lowercase() {
        d.push(catalog::kind_symbol_mismatch(
            &number.span,
            symbol,
            named,
            kind,
            decision.kind.as_ref().map(|k| &k.span),
        ));
    }
}

/// `index` is the decision's [`AgencyIndex`], built once for all its plans.
pub fn check_plan_against_decision(plan: &Plan, decision: &Decision, index: &AgencyIndex, d: &mut Sink) {
    check_citation(plan, decision, d);
    if let (Some(year), Some(period)) = (&plan.year, &decision.period) {
        if !period.value.contains(year.value) {
            d.push(catalog::year_outside_period(
                &year.span,
                year.value,
                period.value.from,
                period.value.to,
                &period.span,
            ));
        }
    }
    let lead = decision.lead.as_ref().and_then(|l| index.resolve(&l.value).map(|i| (i, l)));
    for activity in &plan.activities {
        match decision.items.iter().find(|i| i.id.value == activity.item.value) {
            Some(item) => {
                if let (Some(unit), Some(item_unit)) = (&activity.unit, &item.unit) {
                    if unit.value != item_unit.value && fold_name(&unit.value) != fold_name(&item_unit.value) {
                        d.push(catalog::unit_mismatch(&unit.span, &unit.value, &item_unit.value, &item_unit.span));
                    }
                }
            }
            None if !decision.items.is_empty() && !d.wants(Code::UnknownItem, &activity.item.span) => {
                d.count(Code::UnknownItem, &activity.item.span);
            }
            None if !decision.items.is_empty() => {
                let near = suggest(&activity.item.value, decision.items.iter().map(|i| i.id.value.as_str()));
                d.push(catalog::unknown_reference(
                    Code::UnknownItem,
                    &activity.item.span,
                    catalog::Reference::Item,
                    &activity.item.value,
                    near,
                    None,
                ));
            }
            None => {}
        }
        if let Some(activity_lead) = &activity.lead {
            let resolved = resolve_agency(&activity_lead.as_str(), decision, index, d);
            if let (Some(resolved), Some((lead, lead_ref))) = (resolved, lead) {
                if resolved != lead {
                    d.push(catalog::lead_mismatch(
                        &activity_lead.span,
                        &activity_lead.value,
                        &lead_ref.value,
                        &lead_ref.span,
                    ));
                }
            }
        }
        for partner in activity.partners.iter() {
            resolve_agency(&partner, decision, index, d);
        }
    }
    // `Như tổ chức thực hiện` (the units of section III) and `Như trên` (the addressee)
    // are the document's own phrases, not agencies.
    let recipients = plan.recipients.iter().filter(|r| !is_document_phrase(&r.value));
    let others =
        plan.issuer.iter().chain(recipients).chain(plan.reports.iter().flat_map(|r| r.from.iter().chain(&r.to)));
    for reference in others {
        resolve_agency(&reference.as_str(), decision, index, d);
    }
}

fn check_citation(plan: &Plan, decision: &Decision, d: &mut Sink) {
    let Some(cited) = &plan.decision else { return };
    if let (Some(number), Some(actual)) = (&cited.number, &decision.number) {
        if fold_name(&number.value) != fold_name(&actual.value) {
            d.push(catalog::decision_mismatch(&number.span, "number", &number.value, &actual.value, &actual.span));
        }
    }
    if let (Some(date), Some(actual)) = (&cited.date, &decision.date) {
        if date.value != actual.value {
            d.push(catalog::decision_mismatch(
                &date.span,
                "date",
                &date.value.to_string(),
                &actual.value.to_string(),
                &actual.span,
            ));
        }
    }
}

/// The agency a reference names, reporting one that names none.
fn resolve_agency(reference: &Sp<&str>, decision: &Decision, index: &AgencyIndex, d: &mut Sink) -> Option<usize> {
    let found = index.resolve(reference.value);
    // A decision without an agency list gives nothing to check names against; a name of an
    // entry that could not be read (its id or name missing, already reported) is not unknown.
    // Folded only for a name that was not found: folding every name twice cost a seventh
    // of a check of 60 MB of agency names.
    let unreadable = || {
        if decision.unreadable_agency_names.is_empty() {
            return false;
        }
        let key = fold_name(reference.value);
        decision.unreadable_agency_names.iter().any(|n| *n == reference.value || fold_name(n) == key)
    };
    if found.is_none() && !decision.agencies.is_empty() && !unreadable() {
        if !d.wants(Code::UnknownAgency, &reference.span) {
            // Not among the first shown: counted, without the suggestion's cost.
            d.count(Code::UnknownAgency, &reference.span);
            return found;
        }
        let names = decision
            .agencies
            .iter()
            .flat_map(|a| std::iter::once(&a.name.value).chain(a.aliases.iter().map(|x| &x.value)));
        let near = suggest(reference.value, names.map(String::as_str));
        d.push(catalog::unknown_reference(
            Code::UnknownAgency,
            &reference.span,
            catalog::Reference::Agency,
            reference.value,
            near,
            None,
        ));
    }
    found
}

/// A recipient that the document writes as a phrase of its own: `Như trên` ("as above":
/// the addressee) or `Như tổ chức thực hiện` ("as in section III": its units).
pub fn is_document_phrase(text: &str) -> bool {
    let folded = fold_name(text.trim_end_matches([';', '.']));
    [fold_name("Như trên"), fold_name("Như tổ chức thực hiện")].contains(&folded)
}
