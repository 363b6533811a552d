//! What one template may cost: how deep its blocks nest (checked on the
//! text, before handlebars' parser recurses into it) and how much work one
//! rendering may do (counted while it renders).
//!
//! handlebars parses and renders nested blocks by recursion, so 10,000
//! nested `{{#if}}` overflow the stack, and nested `{{#each}}` multiply:
//! nine over lists of a hundred items visit 10^18 items. Here a template
//! nesting blocks (or subexpressions) deeper than `max_template_depth` is
//! refused when loaded, and `{{#each}}` is ours: before it iterates, it
//! charges the work of its items (their count times the size of its block,
//! partials included) against `max_template_work`, so a rendering that
//! would pass the budget stops before it starts the loop.

use std::cell::RefCell;
use std::collections::HashMap;

use handlebars::template::{DecoratorTemplate, Parameter, Template, TemplateElement};
use handlebars::{
    BlockContext, BlockParams, Context, Handlebars, Helper, HelperDef, HelperResult, JsonValue,
    Output, PathAndJson, RenderContext, RenderError, RenderErrorReason, Renderable,
};

use vanban::limits::exceeded;

/// How deeply blocks (`{{#…}}`, `{{^…}}`) and subexpressions (`(…)`)
/// nest in a template's text, found without parsing it.
pub fn nesting(text: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    let mut rest = text;
    while let Some(open) = rest.find("{{") {
        rest = &rest[open + 2..];
        if let Some(comment) = rest.strip_prefix("!--") {
            rest = comment.find("--}}").map_or("", |end| &comment[end + 4..]);
            continue;
        }
        let end = rest.find("}}").unwrap_or(rest.len());
        let tag = &rest[..end];
        rest = &rest[end..];
        if tag.starts_with('!') {
            continue;
        }
        let inner = tag.trim_start_matches(['{', '~']).trim_start();
        let mut parens = 0usize;
        match inner.chars().next() {
            Some('#') => depth += 1,
            Some('^') if !inner[1..].trim_start_matches('~').trim().is_empty() => depth += 1,
            Some('/') => depth = depth.saturating_sub(1),
            _ => {}
        }
        let mut open_parens = 0usize;
        for c in inner.chars() {
            match c {
                '(' => {
                    open_parens += 1;
                    parens = parens.max(open_parens);
                }
                ')' => open_parens = open_parens.saturating_sub(1),
                _ => {}
            }
        }
        deepest = deepest.max(depth + parens);
    }
    deepest
}

/// Refuses a template nested deeper than `max`.
pub fn check_nesting(text: &str, max: usize) -> Result<(), String> {
    let depth = nesting(text);
    if depth > max {
        return Err(exceeded(
            vanban_i18n::msg!("limit-template-depth", depth = depth),
            max as u64,
            "max-template-depth",
        ));
    }
    Ok(())
}

/// The work left to the rendering under way on this thread, and the sizes
/// of the blocks seen (by address: templates do not move while rendering).
struct Meter {
    left: u64,
    max: u64,
    sizes: HashMap<usize, u64>,
}

thread_local! {
    static METER: RefCell<Option<Meter>> = const { RefCell::new(None) };
}

/// Runs one rendering with `max` units of work; `{{#each}}` draws on them.
pub fn metered<T>(max: u64, render: impl FnOnce() -> T) -> T {
    let previous = METER.with(|m| {
        m.borrow_mut().replace(Meter {
            left: max,
            max,
            sizes: HashMap::new(),
        })
    });
    let out = render();
    METER.with(|m| *m.borrow_mut() = previous);
    out
}

/// Takes `units` of work, or fails naming the budget.
fn charge(units: u64) -> Result<(), RenderError> {
    METER.with(|m| {
        let mut meter = m.borrow_mut();
        let Some(meter) = meter.as_mut() else {
            return Ok(());
        };
        if units > meter.left {
            return Err(RenderErrorReason::Other(exceeded(
                vanban_i18n::msg!("limit-template-work"),
                meter.max,
                "max-template-work",
            ))
            .into());
        }
        meter.left -= units;
        Ok(())
    })
}

/// The elements rendering `template` once may visit: its own, every
/// branch's and every partial's it calls (partials cannot loop: see
/// `partials.rs`), counted once per template and remembered.
fn size(template: &Template, registry: &Handlebars<'_>) -> u64 {
    let key = template as *const Template as usize;
    if let Some(known) =
        METER.with(|m| m.borrow().as_ref().and_then(|m| m.sizes.get(&key).copied()))
    {
        return known;
    }
    let mut total = 0u64;
    for element in &template.elements {
        total = total.saturating_add(1);
        let inner: Vec<&Template> = match element {
            TemplateElement::HelperBlock(h) => {
                [&h.template, &h.inverse].into_iter().flatten().collect()
            }
            TemplateElement::PartialExpression(d) | TemplateElement::PartialBlock(d) => {
                let mut inner: Vec<&Template> = d.template.iter().collect();
                inner.extend(partial_name(d).and_then(|n| registry.get_template(&n)));
                inner
            }
            TemplateElement::DecoratorBlock(d) => d.template.iter().collect(),
            _ => Vec::new(),
        };
        for t in inner {
            total = total.saturating_add(size(t, registry));
        }
    }
    METER.with(|m| {
        if let Some(m) = m.borrow_mut().as_mut() {
            m.sizes.insert(key, total);
        }
    });
    total
}

fn partial_name(d: &DecoratorTemplate) -> Option<String> {
    match &d.name {
        Parameter::Literal(JsonValue::String(name)) => Some(name.clone()),
        other => other.as_name().map(str::to_string),
    }
}

/// Renders `name` into text of at most `most` bytes: a list repeating a
/// long value is refused as soon as its output passes what a field may hold
/// (four bytes a character of `max_field_chars`), before memory runs out.
pub fn render_capped(
    registry: &Handlebars<'_>,
    name: &str,
    data: &JsonValue,
    most: usize,
) -> Result<String, RenderError> {
    let mut out = Capped {
        text: Vec::new(),
        most,
    };
    registry.render_to_write(name, data, &mut out)?;
    String::from_utf8(out.text).map_err(|e| RenderErrorReason::Other(e.to_string()).into())
}

/// Output that refuses to grow past `most` bytes.
struct Capped {
    text: Vec<u8>,
    most: usize,
}

impl std::io::Write for Capped {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        if self.text.len() + bytes.len() > self.most {
            return Err(std::io::Error::other(exceeded(
                vanban_i18n::msg!("limit-template-text"),
                (self.most / 4) as u64,
                "max-field-chars",
            )));
        }
        self.text.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// handlebars' `{{#each}}` (lists and mappings, `@index`, `@key`,
/// `@first`, `@last`, block parameters, `{{else}}`), charging its work
/// before it iterates.
pub struct MeteredEach;

impl HelperDef for MeteredEach {
    fn call<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        r: &'reg Handlebars<'reg>,
        ctx: &'rc Context,
        rc: &mut RenderContext<'reg, 'rc>,
        out: &mut dyn Output,
    ) -> HelperResult {
        let value = h
            .param(0)
            .ok_or(RenderErrorReason::ParamNotFoundForIndex("each", 0))?;
        let Some(template) = h.template() else {
            return Ok(());
        };
        let items: Vec<(JsonValue, &JsonValue)> = match value.value() {
            JsonValue::Array(list) => list
                .iter()
                .enumerate()
                .map(|(i, v)| (JsonValue::from(i), v))
                .collect(),
            JsonValue::Object(map) => map
                .iter()
                .map(|(k, v)| (JsonValue::from(k.as_str()), v))
                .collect(),
            _ => Vec::new(),
        };
        if items.is_empty() {
            return match h.inverse() {
                Some(inverse) => inverse.render(r, ctx, rc, out),
                None if !value.value().is_array()
                    && !value.value().is_object()
                    && r.strict_mode() =>
                {
                    Err(RenderError::strict_error(value.relative_path()))
                }
                None => Ok(()),
            };
        }
        charge((items.len() as u64).saturating_mul(size(template, r).max(1)))?;
        rc.push_block(block_for(value));
        let path = value.context_path();
        let len = items.len();
        let is_object = value.value().is_object();
        for (i, (key, item)) in items.into_iter().enumerate() {
            if let Some(block) = rc.block_mut() {
                block.set_local_var("first", JsonValue::from(i == 0));
                block.set_local_var("last", JsonValue::from(i == len - 1));
                block.set_local_var("index", JsonValue::from(i));
                if is_object {
                    block.set_local_var("key", key.clone());
                }
                let segment = match &key {
                    JsonValue::String(k) => k.clone(),
                    other => other.to_string(),
                };
                match path {
                    Some(base) if i == 0 => {
                        let mut full = base.clone();
                        full.push(segment);
                        *block.base_path_mut() = full;
                    }
                    Some(_) => {
                        if let Some(last) = block.base_path_mut().last_mut() {
                            *last = segment;
                        }
                    }
                    None => block.set_base_value(item.clone()),
                }
                block_params(block, h, path.is_some(), &key, item)?;
            }
            template.render(r, ctx, rc, out)?;
        }
        rc.pop_block();
        Ok(())
    }
}

fn block_for<'rc>(param: &PathAndJson<'rc>) -> BlockContext<'rc> {
    let mut block = BlockContext::new();
    match param.context_path() {
        Some(path) => block.base_path_mut().clone_from(path),
        None => block.set_base_value(param.value().clone()),
    }
    block
}

/// `{{#each list as |item i|}}`.
fn block_params<'rc>(
    block: &mut BlockContext<'rc>,
    h: &Helper<'rc>,
    by_path: bool,
    key: &JsonValue,
    item: &JsonValue,
) -> Result<(), RenderError> {
    let (name, key_name) = match (h.block_param(), h.block_param_pair()) {
        (Some(name), _) => (name, None),
        (None, Some((name, key_name))) => (name, Some(key_name)),
        (None, None) => return Ok(()),
    };
    let mut params = BlockParams::new();
    if by_path {
        params.add_path(name, Vec::new())?;
    } else {
        params.add_value(name, item.clone())?;
    }
    if let Some(key_name) = key_name {
        params.add_value(key_name, key.clone())?;
    }
    block.set_block_params(params);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn nesting_is_counted_on_the_text() {
        assert_eq!(
            nesting("a {{#if x}}{{#each y}}{{z}}{{/each}}{{else}}{{/if}}"),
            2
        );
        assert_eq!(nesting("{{^x}}a{{^}}b{{/x}}"), 1);
        assert_eq!(nesting("{{!-- {{#if}} --}}{{! {{#if }}{{x (a (b c))}}"), 2);
        let deep = "{{#if x}}".repeat(10_000) + &"{{/if}}".repeat(10_000);
        assert_eq!(nesting(&deep), 10_000);
        let err = check_nesting(&deep, 32).unwrap_err();
        assert!(
            err.contains("nest 10000 deep") && err.contains("--max-template-depth"),
            "{err}"
        );
    }

    fn registry() -> Handlebars<'static> {
        let mut r = Handlebars::new();
        r.set_strict_mode(true);
        r.register_helper("each", Box::new(MeteredEach));
        r
    }

    #[test]
    fn each_renders_as_handlebars_does() {
        let r = registry();
        let data = json!({"xs": [{"n": "a"}, {"n": "b"}], "m": {"k": 1, "l": 2}, "none": []});
        let t = "{{#each xs}}{{@index}}{{n}}{{#if @first}}F{{/if}}{{#if @last}}L{{/if}}{{../m.k}};{{/each}}\
                 {{#each m}}{{@key}}={{this}},{{/each}}{{#each none}}x{{else}}empty{{/each}}\
                 {{#each xs as |x i|}}{{i}}{{x.n}}{{/each}}";
        let ours = metered(1000, || r.render_template(t, &data)).unwrap();
        let theirs = Handlebars::new().render_template(t, &data).unwrap();
        assert_eq!(ours, theirs);
        assert_eq!(ours, "0aF1;1bL1;k=1,l=2,empty0a1b");
    }

    #[test]
    fn nested_lists_stop_at_the_budget_before_they_run() {
        let r = registry();
        let data = json!({"xs": (0..100).collect::<Vec<_>>()});
        let t = "{{#each @root.xs}}".repeat(9) + "." + &"{{/each}}".repeat(9);
        let started = std::time::Instant::now();
        let err = metered(1_000_000, || r.render_template(&t, &data)).unwrap_err();
        assert!(err.to_string().contains("--max-template-work"), "{err}");
        assert!(started.elapsed().as_secs() < 5);
        // Two levels fit: 100 × 2 + 100 × 100 × 1 units.
        let two = "{{#each xs}}{{#each @root.xs}}.{{/each}}{{/each}}";
        assert_eq!(
            metered(1_000_000, || r.render_template(two, &data))
                .unwrap()
                .len(),
            10_000
        );
    }
}
