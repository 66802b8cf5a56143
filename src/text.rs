//! A text with its way back to the original input bytes.
//!
//! Every stage after decoding (normalising, markup stripping, repair) reads a `Text`,
//! proposes [`Edit`]s and gets a new `Text` from [`Text::apply`]. The offset map is a list
//! of segments: runs copied unchanged (identity, mapped by an addition) and replaced
//! regions (mapped to the whole original range they came from). Maps compose because
//! `apply` copies the old segments of unchanged runs and maps replaced ranges through the
//! old map, so every `Text` points straight at the original bytes.

use crate::edit::Edit;
use crate::span::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Segment {
    text_start: usize,
    orig_start: usize,
    orig_end: usize,
    identity: bool,
}

#[derive(Debug, Clone)]
pub struct Text {
    text: String,
    segments: Vec<Segment>,
    /// Length of the original input in bytes: where the end of the text maps.
    orig_len: usize,
}

/// One edit as performed: where it sits in the stage's input and output, and in the
/// original bytes.
#[derive(Debug, Clone, PartialEq)]
pub struct AppliedEdit {
    pub input: Span,
    pub output: Span,
    pub original: Span,
    pub before: String,
    pub after: String,
    pub rule: &'static str,
    pub confidence: f32,
}

impl Text {
    /// A text that is its own original (valid UTF-8 input).
    pub fn identity(text: String) -> Text {
        let len = text.len();
        Text {
            text,
            segments: vec![Segment {
                text_start: 0,
                orig_start: 0,
                orig_end: len,
                identity: true,
            }],
            orig_len: len,
        }
    }

    /// Builds a text from decoded pieces, each with the original byte range it came from.
    /// Pieces whose decoded bytes equal their original length and are marked `identity`
    /// map byte for byte.
    pub fn from_pieces(
        pieces: impl IntoIterator<Item = (String, Span, bool)>,
        orig_len: usize,
    ) -> Text {
        let mut builder = Builder::default();
        for (piece, orig, identity) in pieces {
            builder.push(&piece, orig.start, orig.end, identity);
        }
        builder.finish(orig_len)
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    pub fn len(&self) -> usize {
        self.text.len()
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    pub fn original_len(&self) -> usize {
        self.orig_len
    }

    fn segment_end(&self, index: usize) -> usize {
        self.segments
            .get(index + 1)
            .map_or(self.text.len(), |s| s.text_start)
    }

    /// Where a span starting at `pos` starts in the original bytes.
    pub fn map_start(&self, pos: usize) -> usize {
        if pos >= self.text.len() {
            return self.orig_len;
        }
        // The last segment starting at or before `pos` is non-empty and contains it.
        let index = self
            .segments
            .partition_point(|s| s.text_start <= pos)
            .saturating_sub(1);
        match self.segments.get(index) {
            Some(s) if s.identity => s.orig_start + (pos - s.text_start),
            Some(s) => s.orig_start,
            None => 0,
        }
    }

    /// Where a span ending (exclusively) at `pos` ends in the original bytes.
    pub fn map_end(&self, pos: usize) -> usize {
        if pos == 0 {
            return self.segments.first().map_or(0, |s| {
                if s.text_start == self.segment_end(0) {
                    s.orig_end
                } else {
                    s.orig_start
                }
            });
        }
        let pos = pos.min(self.text.len());
        // The last segment starting before `pos` is non-empty and contains `pos - 1`.
        let index = self
            .segments
            .partition_point(|s| s.text_start < pos)
            .saturating_sub(1);
        match self.segments.get(index) {
            Some(s) if s.identity => s.orig_start + (pos - s.text_start),
            Some(s) => s.orig_end,
            None => self.orig_len,
        }
    }

    /// Maps a span of this text to the original bytes.
    pub fn map_span(&self, span: Span) -> Span {
        let start = self.map_start(span.start);
        let end = self.map_end(span.end).max(start);
        Span { start, end }
    }

    /// Performs `edits` (sorted, non-overlapping, on char boundaries; others are skipped)
    /// and returns the new text with what was done.
    pub fn apply(&self, edits: &[Edit]) -> (Text, Vec<AppliedEdit>) {
        let mut builder = Builder::default();
        let mut applied = Vec::with_capacity(edits.len());
        let mut copied_to = 0;
        for edit in edits {
            let valid = edit.start >= copied_to
                && edit.start <= edit.end
                && edit.end <= self.text.len()
                && self.text.is_char_boundary(edit.start)
                && self.text.is_char_boundary(edit.end);
            if !valid {
                continue;
            }
            self.copy_run(&mut builder, copied_to, edit.start);
            let original = if edit.start == edit.end {
                let at = self.map_start(edit.start);
                Span { start: at, end: at }
            } else {
                self.map_span(Span {
                    start: edit.start,
                    end: edit.end,
                })
            };
            let output_start = builder.text.len();
            builder.push(&edit.after, original.start, original.end, false);
            applied.push(AppliedEdit {
                input: Span {
                    start: edit.start,
                    end: edit.end,
                },
                output: Span {
                    start: output_start,
                    end: builder.text.len(),
                },
                original,
                before: self.text[edit.start..edit.end].to_string(),
                after: edit.after.clone(),
                rule: edit.rule,
                confidence: edit.confidence,
            });
            copied_to = edit.end;
        }
        self.copy_run(&mut builder, copied_to, self.text.len());
        (builder.finish(self.orig_len), applied)
    }

    /// Copies `from..to` of this text with its segments, clipped to the run.
    fn copy_run(&self, builder: &mut Builder, from: usize, to: usize) {
        if from >= to {
            return;
        }
        let first = self
            .segments
            .partition_point(|s| s.text_start <= from)
            .saturating_sub(1);
        for (index, seg) in self.segments.iter().enumerate().skip(first) {
            if seg.text_start >= to {
                break;
            }
            let seg_end = self.segment_end(index);
            let start = seg.text_start.max(from);
            let end = seg_end.min(to);
            if start >= end {
                continue;
            }
            let piece = &self.text[start..end];
            if seg.identity {
                let orig_start = seg.orig_start + (start - seg.text_start);
                builder.push(piece, orig_start, orig_start + piece.len(), true);
            } else {
                builder.push(piece, seg.orig_start, seg.orig_end, false);
            }
        }
    }
}

/// Where a position of a stage's input lands in its output, given what `apply` did.
pub fn map_forward(applied: &[AppliedEdit], pos: usize) -> usize {
    let index = applied.partition_point(|e| e.input.end <= pos);
    if let Some(edit) = applied
        .get(index)
        .filter(|e| e.input.start < pos || (e.input.start == pos && e.input.end > pos))
    {
        return edit.output.start;
    }
    match index.checked_sub(1).and_then(|i| applied.get(i)) {
        Some(prev) => prev.output.end + (pos - prev.input.end),
        None => pos,
    }
}

/// The edits of two successive passes as one set of edits on the first pass's input.
/// `first` is what `apply` did to `input` to give `middle`; `second` are edits of `middle`
/// (sorted, non-overlapping; invalid ones are skipped as `apply` would). A second-pass edit
/// that overlaps or touches a first-pass edit merges with it into one edit from the input's
/// text to the final text, so the result is still disjoint edits of the input, each with
/// the input's own text as its `before`. Merged edits that give back the input are dropped.
pub fn compose(input: &str, first: &[AppliedEdit], middle: &str, second: &[Edit]) -> Vec<Edit> {
    let mut valid_to = 0;
    let second: Vec<&Edit> = second
        .iter()
        .filter(|e| {
            let ok = e.start >= valid_to
                && e.start <= e.end
                && e.end <= middle.len()
                && middle.is_char_boundary(e.start)
                && middle.is_char_boundary(e.end);
            if ok {
                valid_to = e.end;
            }
            ok
        })
        .collect();
    // Both lists in `middle` coordinates, merged by start: (start, end, is_second, index).
    let mut items: Vec<(usize, usize, bool, usize)> = first
        .iter()
        .enumerate()
        .map(|(i, e)| (e.output.start, e.output.end, false, i))
        .chain(
            second
                .iter()
                .enumerate()
                .map(|(i, e)| (e.start, e.end, true, i)),
        )
        .collect();
    items.sort_by_key(|&(start, end, is_second, _)| (start, end, is_second));

    // Where a position of `middle` outside the first pass's edits lies in `input`, given
    // the number of first-pass edits before it (so `pos` is at or after that edit's output).
    let to_input = |pos: usize, edits_before: usize| match edits_before
        .checked_sub(1)
        .and_then(|i| first.get(i))
    {
        Some(prev) => prev.input.end + (pos - prev.output.end),
        None => pos,
    };
    let mut out = Vec::with_capacity(first.len() + second.len());
    let mut index = 0;
    while let Some(&(start, mut end, is_second, i)) = items.get(index) {
        let (mut firsts, mut seconds) = (Vec::new(), Vec::new());
        if is_second {
            seconds.push(i)
        } else {
            firsts.push(i)
        }
        index += 1;
        // Overlapping items join; touching ones only across passes (two edits of one pass
        // that merely meet stay apart, as that pass made them).
        while let Some(&(s, e, next_second, j)) = items.get(index) {
            let other_pass = if next_second {
                !firsts.is_empty()
            } else {
                !seconds.is_empty()
            };
            if !(s < end || (s == end && other_pass)) {
                break;
            }
            if next_second {
                seconds.push(j)
            } else {
                firsts.push(j)
            }
            end = end.max(e);
            index += 1;
        }
        if seconds.is_empty() {
            if let Some(edit) = firsts.first().and_then(|&f| first.get(f)) {
                out.push(Edit::new(
                    edit.input.start,
                    edit.input.end,
                    edit.after.clone(),
                    edit.rule,
                    edit.confidence,
                ));
            }
            continue;
        }
        let before_group = firsts
            .first()
            .copied()
            .unwrap_or_else(|| first.partition_point(|e| e.output.end <= start));
        let through_group = firsts.last().map_or(before_group, |&f| f + 1);
        let (input_start, input_end) =
            (to_input(start, before_group), to_input(end, through_group));
        // The slices below are on char boundaries (first-pass outputs are whole strings, the
        // second-pass edits were checked) and in order: the group starts at or before each of
        // its edits, which are sorted and disjoint, and ends at or after the last.
        let mut after = String::new();
        let mut at = start;
        for edit in seconds.iter().filter_map(|&k| second.get(k)) {
            after.push_str(&middle[at..edit.start]);
            after.push_str(&edit.after);
            at = edit.end;
        }
        after.push_str(&middle[at..end]);
        if input.get(input_start..input_end) == Some(after.as_str()) {
            continue;
        }
        // The merged edit is named for the first repair made there; it is as sure as its least sure part.
        let mut members: Vec<(usize, &'static str, f32)> = firsts
            .iter()
            .filter_map(|&f| first.get(f).map(|e| (e.output.start, e.rule, e.confidence)))
            .chain(
                seconds
                    .iter()
                    .filter_map(|&k| second.get(k).map(|e| (e.start, e.rule, e.confidence))),
            )
            .collect();
        members.sort_by_key(|m| m.0);
        if let Some(&(_, rule, _)) = members.first() {
            let confidence = members.iter().map(|m| m.2).fold(1.0, f32::min);
            out.push(Edit::new(input_start, input_end, after, rule, confidence));
        }
    }
    out
}

/// Appends text with its origin, merging contiguous identity runs.
#[derive(Default)]
struct Builder {
    text: String,
    segments: Vec<Segment>,
}

impl Builder {
    fn push(&mut self, piece: &str, orig_start: usize, orig_end: usize, identity: bool) {
        let text_start = self.text.len();
        if identity {
            if let Some(last) = self.segments.last_mut() {
                let last_len = text_start - last.text_start;
                if last.identity
                    && last.orig_end == orig_start
                    && last.orig_end - last.orig_start == last_len
                {
                    last.orig_end = orig_end;
                    self.text.push_str(piece);
                    return;
                }
            }
        }
        if piece.is_empty() && orig_start == orig_end {
            return;
        }
        self.segments.push(Segment {
            text_start,
            orig_start,
            orig_end,
            identity,
        });
        self.text.push_str(piece);
    }

    fn finish(mut self, orig_len: usize) -> Text {
        if self.segments.is_empty() {
            self.segments.push(Segment {
                text_start: 0,
                orig_start: 0,
                orig_end: orig_len,
                identity: false,
            });
        }
        Text {
            text: self.text,
            segments: self.segments,
            orig_len,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_maps_to_itself() {
        let t = Text::identity("abc déf".to_string());
        assert_eq!(t.map_span(Span::new(4, 8)), Span::new(4, 8));
    }

    #[test]
    fn replacement_maps_to_whole_original_range() {
        let t = Text::identity("le I'Etat et".to_string());
        let (t2, applied) = t.apply(&[Edit::new(3, 9, "l'État", "elision-I-l", 0.9)]);
        assert_eq!(t2.as_str(), "le l'État et");
        assert_eq!(applied[0].before, "I'Etat");
        assert_eq!(t2.map_span(Span::new(3, 10)), Span::new(3, 9));
        // The word after the edit keeps its own bytes.
        assert_eq!(t2.map_span(Span::new(11, 13)), Span::new(10, 12));
    }

    #[test]
    fn maps_compose_across_stages() {
        let t = Text::identity("**Bold** text\r\n".to_string());
        let (t2, _) = t.apply(&[
            Edit::new(0, 2, "", "md", 1.0),
            Edit::new(6, 8, "", "md", 1.0),
            Edit::new(13, 14, "", "crlf", 1.0),
        ]);
        assert_eq!(t2.as_str(), "Bold text\n");
        let (t3, _) = t2.apply(&[Edit::new(5, 9, "texte", "x", 1.0)]);
        assert_eq!(t3.as_str(), "Bold texte\n");
        assert_eq!(t3.map_span(Span::new(0, 4)), Span::new(2, 6));
        assert_eq!(t3.map_span(Span::new(5, 10)), Span::new(9, 13));
        assert_eq!(t3.map_span(Span::new(10, 11)), Span::new(14, 15));
    }

    #[test]
    fn leading_deletion_is_skipped_by_starts() {
        let t = Text::identity("\u{feff}abc".to_string());
        let (t2, _) = t.apply(&[Edit::new(0, 3, "", "bom", 1.0)]);
        assert_eq!(t2.map_span(Span::new(0, 3)), Span::new(3, 6));
    }

    #[test]
    fn positions_map_forward_through_edits() {
        let t = Text::identity("## Titre\nSuite".to_string());
        let (_, applied) = t.apply(&[Edit::new(0, 3, "", "md", 1.0)]);
        assert_eq!(map_forward(&applied, 0), 0);
        assert_eq!(map_forward(&applied, 3), 0);
        assert_eq!(map_forward(&applied, 9), 6);
    }

    #[test]
    fn a_second_pass_edit_touching_a_first_merges_with_it() {
        let input = "le I'Etat et la Etat";
        let (middle, first) =
            Text::identity(input.to_string()).apply(&[Edit::new(3, 5, "l'", "elision-I-l", 0.9)]);
        assert_eq!(middle.as_str(), "le l'Etat et la Etat");
        let second = [
            Edit::new(5, 9, "État", "accent", 0.8),
            Edit::new(16, 20, "État", "accent", 0.7),
        ];
        let composed = compose(input, &first, middle.as_str(), &second);
        assert_eq!(
            composed,
            vec![
                Edit::new(3, 9, "l'État", "elision-I-l", 0.8),
                Edit::new(16, 20, "État", "accent", 0.7)
            ]
        );
    }

    #[test]
    fn a_second_pass_that_undoes_the_first_leaves_nothing() {
        let input = "abc def";
        let (middle, first) =
            Text::identity(input.to_string()).apply(&[Edit::new(4, 7, "dxf", "r", 0.9)]);
        assert!(compose(
            input,
            &first,
            middle.as_str(),
            &[Edit::new(5, 6, "e", "r", 0.9)]
        )
        .is_empty());
    }

    #[test]
    fn edits_beside_a_shortened_or_deleted_run_map_back() {
        let input = "xx -- yy zz";
        let (middle, first) =
            Text::identity(input.to_string()).apply(&[Edit::new(2, 5, "", "debris", 0.9)]);
        assert_eq!(middle.as_str(), "xx yy zz");
        let composed = compose(
            input,
            &first,
            middle.as_str(),
            &[Edit::new(6, 8, "ZZ", "case", 0.6)],
        );
        assert_eq!(
            composed,
            vec![
                Edit::new(2, 5, "", "debris", 0.9),
                Edit::new(9, 11, "ZZ", "case", 0.6)
            ]
        );
    }

    #[test]
    fn overlapping_or_unsorted_edits_are_skipped() {
        let t = Text::identity("abcdef".to_string());
        let (t2, applied) = t.apply(&[
            Edit::new(2, 4, "X", "r", 1.0),
            Edit::new(3, 5, "Y", "r", 1.0),
        ]);
        assert_eq!(t2.as_str(), "abXef");
        assert_eq!(applied.len(), 1);
    }
}
