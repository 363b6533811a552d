//! How deeply partials call partials, found when templates are loaded:
//! handlebars would follow `_a` → `_b` → `_a` (or an inline partial that
//! calls itself) until the stack overflows and the process aborts. Here a
//! loop, a chain longer than the limit, or a partial whose name is computed
//! at render time (so its depth cannot be known) is a template error.

use std::collections::{BTreeMap, HashMap};

use handlebars::template::{DecoratorTemplate, Parameter, Template, TemplateElement};
use handlebars::Handlebars;
use serde_json::Value;

use crate::{TemplateError, TemplateErrorKind};

/// The partials each template and inline partial calls, by name.
type Calls = BTreeMap<String, Vec<String>>;

/// Refuses loops and chains of partials deeper than `max`.
pub fn check(registry: &Handlebars<'_>, max: usize) -> Result<(), TemplateError> {
    let mut calls = Calls::new();
    for (name, template) in registry.get_templates() {
        let mut own = Vec::new();
        collect(template, &mut own, &mut calls).map_err(|why| error(name, why))?;
        calls.entry(name.clone()).or_default().extend(own);
    }
    let mut depth: HashMap<String, usize> = HashMap::new();
    for name in calls.keys() {
        let mut chain = Vec::new();
        let deepest =
            depth_of(name, &calls, &mut depth, &mut chain, max).map_err(|why| error(name, why))?;
        if deepest > max {
            return Err(error(
                name,
                vanban_i18n::msg!("partials-too-deep", depth = deepest, max = max).to_string(),
            ));
        }
    }
    Ok(())
}

fn error(template: &str, message: String) -> TemplateError {
    TemplateError::new(template, TemplateErrorKind::Template, message)
}

/// The longest chain of partial calls from `name` (0: calls none).
fn depth_of(
    name: &str,
    calls: &Calls,
    known: &mut HashMap<String, usize>,
    chain: &mut Vec<String>,
    max: usize,
) -> Result<usize, String> {
    if let Some(&d) = known.get(name) {
        return Ok(d);
    }
    if let Some(start) = chain.iter().position(|n| n == name) {
        let mut shown: Vec<&str> = chain[start..].iter().map(String::as_str).collect();
        shown.push(name);
        return Err(vanban_i18n::msg!("partials-loop", chain = shown.join(" → ")).to_string());
    }
    if chain.len() > max {
        return Err(vanban_i18n::msg!(
            "partials-chain-too-deep",
            max = max,
            chain = chain.join(" → ")
        )
        .to_string());
    }
    chain.push(name.to_string());
    let mut deepest = 0;
    for callee in calls.get(name).map(Vec::as_slice).unwrap_or(&[]) {
        // A partial not registered is reported by handlebars when rendered.
        if calls.contains_key(callee) {
            deepest = deepest.max(1 + depth_of(callee, calls, known, chain, max)?);
        }
    }
    chain.pop();
    known.insert(name.to_string(), deepest);
    Ok(deepest)
}

/// Adds the partials `template` calls to `own`, and each inline partial
/// it defines (`{{#*inline "x"}}`) to `calls`.
fn collect(template: &Template, own: &mut Vec<String>, calls: &mut Calls) -> Result<(), String> {
    for element in &template.elements {
        match element {
            TemplateElement::PartialExpression(d) | TemplateElement::PartialBlock(d) => {
                let name = partial_name(d)?;
                if name != "@partial-block" {
                    own.push(name);
                }
                if let Some(block) = &d.template {
                    collect(block, own, calls)?;
                }
            }
            TemplateElement::DecoratorBlock(d) if decorator_is(d, "inline") => {
                let Some(Parameter::Literal(Value::String(name))) = d.params.first() else {
                    continue;
                };
                let mut inner = Vec::new();
                if let Some(block) = &d.template {
                    collect(block, &mut inner, calls)?;
                }
                calls.entry(name.clone()).or_default().extend(inner);
            }
            TemplateElement::DecoratorBlock(d) => {
                if let Some(block) = &d.template {
                    collect(block, own, calls)?;
                }
            }
            TemplateElement::HelperBlock(h) => {
                for block in [&h.template, &h.inverse].into_iter().flatten() {
                    collect(block, own, calls)?;
                }
            }
            _ => {}
        }
    }
    Ok(())
}

fn decorator_is(d: &DecoratorTemplate, name: &str) -> bool {
    matches!(&d.name, Parameter::Name(n) if n == name)
}

/// The name a partial call names, if it is written out.
fn partial_name(d: &DecoratorTemplate) -> Result<String, String> {
    match (&d.name, d.name.as_name()) {
        (Parameter::Literal(Value::String(name)), _) => Ok(name.clone()),
        (Parameter::Name(_) | Parameter::Path(_), Some(name)) => Ok(name.to_string()),
        _ => Err(
            "a partial's name must be written out (`{{> _name}}`), not computed, so that how deep partials nest can be checked".to_string(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn registry(templates: &[(&str, &str)]) -> Handlebars<'static> {
        let mut r = Handlebars::new();
        for (name, text) in templates {
            r.register_template_string(name, *text).unwrap();
        }
        r
    }

    #[test]
    fn partials_that_call_each_other_are_refused() {
        let r = registry(&[
            ("main", "{{> _a}}"),
            ("_a", "x {{> _b}}"),
            ("_b", "{{#if y}}{{> _a}}{{/if}}"),
        ]);
        let message = check(&r, 16).unwrap_err().message;
        assert!(message.contains("loop: _a → _b → _a"), "{message}");
    }

    #[test]
    fn an_inline_partial_calling_itself_is_refused() {
        let r = registry(&[("main", "{{#*inline \"x\"}}{{> x}}{{/inline}}{{> x}}")]);
        let message = check(&r, 16).unwrap_err().message;
        assert!(message.contains("loop: x → x"), "{message}");
    }

    #[test]
    fn chains_are_measured_against_the_limit() {
        let r = registry(&[("main", "{{> _a}}"), ("_a", "{{> _b}}"), ("_b", "b")]);
        assert!(check(&r, 2).is_ok());
        let message = check(&r, 1).unwrap_err().message;
        assert!(message.contains("more than the limit of 1"), "{message}");
    }

    #[test]
    fn computed_partial_names_are_refused() {
        let r = registry(&[("main", "{{> (lookup this \"p\")}}")]);
        assert!(check(&r, 16).unwrap_err().message.contains("written out"));
    }
}
