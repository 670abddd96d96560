//! An `RcDom` that notices when the tree gets deeper than `Limits::max_depth`.
//!
//! html5ever's tree builder scans its stack of open elements for many start tags, so a page of
//! 100,000 nested `<div>`s costs O(n²) (minutes). The parser is fed in chunks and stopped as
//! soon as this sink reports the limit crossed, which bounds that cost.

use std::borrow::Cow;
use std::cell::Cell;

use html5ever::interface::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::StrTendril;
use html5ever::{Attribute, ExpandedName, QualName};
use markup5ever_rcdom::{Handle, RcDom};

pub(super) struct BoundedDom {
    pub(super) dom: RcDom,
    max_depth: usize,
    pub(super) too_deep: Cell<bool>,
}

impl BoundedDom {
    pub(super) fn new(max_depth: usize) -> BoundedDom {
        BoundedDom {
            dom: RcDom::default(),
            max_depth,
            too_deep: Cell::new(false),
        }
    }

    /// Whether `node` sits deeper than the limit, walking at most `max_depth` parents.
    fn deeper_than_limit(&self, node: &Handle) -> bool {
        let mut current = node.clone();
        for _ in 0..self.max_depth {
            let parent = current.parent.take();
            current.parent.set(parent.clone());
            match parent.and_then(|weak| weak.upgrade()) {
                Some(parent) => current = parent,
                None => return false,
            }
        }
        true
    }
}

impl TreeSink for &BoundedDom {
    type Handle = Handle;
    type Output = ();
    type ElemName<'a>
        = ExpandedName<'a>
    where
        Self: 'a;

    fn finish(self) {}

    // Parse errors are not reported to users; RcDom would keep them all in memory.
    fn parse_error(&self, _message: Cow<'static, str>) {}

    fn get_document(&self) -> Handle {
        self.dom.get_document()
    }

    fn elem_name<'a>(&'a self, target: &'a Handle) -> ExpandedName<'a> {
        self.dom.elem_name(target)
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> Handle {
        self.dom.create_element(name, attrs, flags)
    }

    fn create_comment(&self, text: StrTendril) -> Handle {
        self.dom.create_comment(text)
    }

    fn create_pi(&self, target: StrTendril, data: StrTendril) -> Handle {
        self.dom.create_pi(target, data)
    }

    fn append(&self, parent: &Handle, child: NodeOrText<Handle>) {
        if matches!(child, NodeOrText::AppendNode(_)) && self.deeper_than_limit(parent) {
            self.too_deep.set(true);
        }
        self.dom.append(parent, child)
    }

    fn append_based_on_parent_node(
        &self,
        element: &Handle,
        prev_element: &Handle,
        child: NodeOrText<Handle>,
    ) {
        self.dom
            .append_based_on_parent_node(element, prev_element, child)
    }

    fn append_doctype_to_document(
        &self,
        name: StrTendril,
        public_id: StrTendril,
        system_id: StrTendril,
    ) {
        self.dom
            .append_doctype_to_document(name, public_id, system_id)
    }

    fn get_template_contents(&self, target: &Handle) -> Handle {
        self.dom.get_template_contents(target)
    }

    fn same_node(&self, x: &Handle, y: &Handle) -> bool {
        self.dom.same_node(x, y)
    }

    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.dom.set_quirks_mode(mode)
    }

    fn append_before_sibling(&self, sibling: &Handle, new_node: NodeOrText<Handle>) {
        self.dom.append_before_sibling(sibling, new_node)
    }

    fn add_attrs_if_missing(&self, target: &Handle, attrs: Vec<Attribute>) {
        self.dom.add_attrs_if_missing(target, attrs)
    }

    fn remove_from_parent(&self, target: &Handle) {
        self.dom.remove_from_parent(target)
    }

    fn reparent_children(&self, node: &Handle, new_parent: &Handle) {
        self.dom.reparent_children(node, new_parent)
    }

    fn is_mathml_annotation_xml_integration_point(&self, handle: &Handle) -> bool {
        self.dom.is_mathml_annotation_xml_integration_point(handle)
    }
}
