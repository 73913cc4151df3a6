//! The wasm build's allocator: a bump arena in front of the default one.
//!
//! Every call into the package allocates a few dozen to a few hundred small blocks (the JSON
//! tree, its strings, the report and what crosses to JS) and frees all of them before it returns.
//! dlmalloc's bookkeeping for those blocks was a fifth to a third of a validation in wasm
//! (README "Performance"). Here a block is the next bytes of one arena and freeing it only
//! counts. Each binding call opens a [`Scope`]: when it closes and none of the blocks taken
//! since it opened is alive, the arena goes back to where it was. A block that does not fit
//! in what is left of the arena comes from the default allocator, so a large input costs what
//! it did.
//!
//! Blocks that outlive a call can exist: wasm-bindgen's table of JS references grows on first
//! use, and a thread-local that allocates would leave a block that lives for good. Such a block
//! only keeps its scope from rewinding, so correctness never depends on what other code keeps.
//! Code that knows a value will outlive its scope makes it [`Arena::outside`] the arena, so that
//! it does not keep the scope from giving back everything else.

use core::alloc::{GlobalAlloc, Layout};
use core::cell::UnsafeCell;
use core::ptr;

/// A bump arena of `SIZE` bytes, taken once from `Backing`, with `Backing` behind it.
pub struct Arena<Backing, const SIZE: usize> {
    backing: Backing,
    state: UnsafeCell<State>,
}

/// How many scopes may be open at once: a binding call's, and one per record of a log inside
/// it (`parseEvents`). A scope opened beyond that does nothing.
const MAX_SCOPES: usize = 2;

/// Where the arena is and how much of it is in use. `start == 0` until the first allocation
/// (and for good if the backing allocator could not give the arena).
struct State {
    start: usize,
    end: usize,
    /// The first free byte.
    next: usize,
    /// Blocks handed out from the arena and not yet freed.
    live: usize,
    /// Open scopes, outermost first.
    scopes: usize,
    /// Where `next` was when each open scope opened.
    marks: [usize; MAX_SCOPES],
    /// For each open scope, the live blocks that reach past its mark: it may rewind only
    /// when there are none.
    past_marks: [usize; MAX_SCOPES],
    /// Scopes opened so far, which numbers each: a scope closed with an outer one cannot
    /// close a later scope at its level.
    opened: usize,
    ids: [usize; MAX_SCOPES],
    /// Inside [`Arena::outside`]: new blocks come from the backing allocator.
    outside: usize,
}

impl State {
    fn owns(&self, block: *mut u8) -> bool {
        self.start != 0 && (self.start..self.end).contains(&(block as usize))
    }

    /// Counts a block of the arena that ends at `end` as alive (`by` 1) or gone (`by` -1) in
    /// the open scopes it reaches past.
    #[inline]
    fn count_past_marks(&mut self, end: usize, by: isize) {
        for level in 0..self.scopes.min(MAX_SCOPES) {
            if end > self.marks[level] {
                self.past_marks[level] = self.past_marks[level].wrapping_add_signed(by);
            }
        }
    }
}

// SAFETY: wasm32 without the atomics feature runs one thread, so the state is never reached
// from two threads at once. Elsewhere (a threaded wasm, native code) an arena is not `Sync`,
// so it cannot be a global allocator there; the native tests use one arena per test.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
unsafe impl<Backing: Sync, const SIZE: usize> Sync for Arena<Backing, SIZE> {}

impl<Backing, const SIZE: usize> Arena<Backing, SIZE> {
    pub const fn new(backing: Backing) -> Self {
        Arena {
            backing,
            state: UnsafeCell::new(State {
                start: 0,
                end: 0,
                next: 0,
                live: 0,
                scopes: 0,
                marks: [0; MAX_SCOPES],
                past_marks: [0; MAX_SCOPES],
                opened: 0,
                ids: [0; MAX_SCOPES],
                outside: 0,
            }),
        }
    }

    /// Blocks of the arena still alive.
    #[cfg(test)]
    pub fn live(&self) -> usize {
        // SAFETY: one thread (see `Sync`); no reference into the state outlives this call.
        unsafe { (*self.state.get()).live }
    }

    /// Bytes of the arena from its start to the first free byte: what a call that rewinds
    /// leaves as it found.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    pub fn bytes_in_use(&self) -> usize {
        // SAFETY: as in `live`.
        let state = unsafe { &*self.state.get() };
        state.next - state.start
    }
}

/// An open scope: on drop, the arena rewinds to where it was when the scope opened, if no
/// block taken since is alive. Scopes nest, up to [`MAX_SCOPES`] (beyond, one does nothing):
/// closing one closes those opened inside it too.
pub struct Scope<'a, Backing: GlobalAlloc, const SIZE: usize> {
    arena: Option<&'a Arena<Backing, SIZE>>,
    /// Its place among the open scopes, outermost 0.
    level: usize,
    /// Which scope it is (`State::opened` when it opened).
    id: usize,
}

impl<Backing: GlobalAlloc, const SIZE: usize> Arena<Backing, SIZE> {
    /// The state, with the arena taken from the backing allocator on first use.
    ///
    /// # Safety
    /// One thread, and no other reference to the state is alive.
    #[allow(clippy::mut_from_ref)]
    #[inline(always)]
    unsafe fn state(&self) -> &mut State {
        let state = &mut *self.state.get();
        if state.end == 0 {
            self.take_arena(state);
        }
        state
    }

    /// Takes the arena from the backing allocator; if that fails, `start` stays 0 and every
    /// block comes from the backing allocator.
    #[cold]
    unsafe fn take_arena(&self, state: &mut State) {
        // Marks the attempt made, whatever its outcome.
        state.end = usize::MAX;
        if let Ok(layout) = Layout::from_size_align(SIZE, 16) {
            let memory = self.backing.alloc(layout) as usize;
            if memory != 0 {
                state.start = memory;
                state.end = memory + SIZE;
                state.next = memory;
            }
        }
    }

    /// Runs `make` with the blocks it allocates taken from the backing allocator: for values
    /// kept past the scope they are made in (a log's cache of certificates). Taken from the
    /// arena, such a value keeps its scope from rewinding, and with it everything the scope took
    /// after it. (A block of the arena that `make` grows may still grow where it is.)
    pub fn outside<T>(&self, make: impl FnOnce() -> T) -> T {
        /// Counts the call out again however `make` ends.
        struct Leave<'s>(&'s UnsafeCell<State>);
        impl Drop for Leave<'_> {
            fn drop(&mut self) {
                // SAFETY: one thread; the reference ends with this block.
                let state = unsafe { &mut *self.0.get() };
                state.outside -= 1;
            }
        }
        // SAFETY: one thread; the reference ends with this statement.
        unsafe { (*self.state.get()).outside += 1 };
        let _leave = Leave(&self.state);
        make()
    }

    /// Opens a scope (see [`Scope`]).
    pub fn scope(&self) -> Scope<'_, Backing, SIZE> {
        // SAFETY: one thread; the reference ends with this block.
        let state = unsafe { self.state() };
        let level = state.scopes;
        if state.start == 0 || level >= MAX_SCOPES {
            return Scope {
                arena: None,
                level,
                id: 0,
            };
        }
        // No block reaches past `next`, so none past the new mark.
        state.marks[level] = state.next;
        state.past_marks[level] = 0;
        state.opened = state.opened.wrapping_add(1);
        state.ids[level] = state.opened;
        state.scopes += 1;
        Scope {
            arena: Some(self),
            level,
            id: state.opened,
        }
    }
}

impl<Backing: GlobalAlloc, const SIZE: usize> Drop for Scope<'_, Backing, SIZE> {
    fn drop(&mut self) {
        let Some(arena) = self.arena else { return };
        // SAFETY: one thread; the reference ends with this block.
        let state = unsafe { arena.state() };
        // Closed already, with the scope it was opened inside.
        if self.level >= state.scopes || state.ids[self.level] != self.id {
            return;
        }
        // Innermost first. A scope none of whose blocks is alive has only free bytes after
        // its mark; each count is kept exactly whatever the others, so each decides alone.
        for level in (self.level..state.scopes).rev() {
            if state.past_marks[level] == 0 {
                state.next = state.next.min(state.marks[level]);
            }
        }
        state.scopes = self.level;
    }
}

/// Where a block of `layout` placed at or after `next` starts and ends; `None` past the end of
/// the address space. Alignments are powers of two: a mask, not a division (slow in wasm).
#[inline]
fn place(next: usize, layout: Layout) -> Option<(usize, usize)> {
    let start = next.checked_add(layout.align() - 1)? & !(layout.align() - 1);
    Some((start, start.checked_add(layout.size())?))
}

// SAFETY: blocks from the arena never overlap: each starts at or after `next`, which moves back
// only over freed blocks: the last one, all of them when none is alive, or everything after a
// scope's mark when no live block reaches past it. Blocks from the backing allocator go back to
// it; `owns` tells the two apart by address.
unsafe impl<Backing: GlobalAlloc, const SIZE: usize> GlobalAlloc for Arena<Backing, SIZE> {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let state = self.state();
        if state.start != 0 && state.outside == 0 {
            if let Some((start, end)) = place(state.next, layout) {
                if end <= state.end {
                    state.next = end;
                    state.live += 1;
                    state.count_past_marks(end, 1);
                    return start as *mut u8;
                }
            }
        }
        self.backing.alloc(layout)
    }

    #[inline]
    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        let state = self.state();
        if !state.owns(block) {
            return self.backing.dealloc(block, layout);
        }
        state.live -= 1;
        state.count_past_marks(block as usize + layout.size(), -1);
        if state.live == 0 {
            state.next = state.start;
        } else if block as usize + layout.size() == state.next {
            state.next = block as usize;
        }
    }

    unsafe fn realloc(&self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let state = self.state();
        if !state.owns(block) {
            return self.backing.realloc(block, layout, new_size);
        }
        let at = block as usize;
        // The last block grows or shrinks where it is; any block shrinks where it is.
        let last = at + layout.size() == state.next;
        let fits = at.checked_add(new_size).is_some_and(|end| end <= state.end);
        if (last && fits) || new_size <= layout.size() {
            state.count_past_marks(at + layout.size(), -1);
            state.count_past_marks(at + new_size, 1);
            if last {
                state.next = at + new_size;
            }
            return block;
        }
        let moved = self.alloc(Layout::from_size_align_unchecked(new_size, layout.align()));
        if !moved.is_null() {
            ptr::copy_nonoverlapping(block, moved, layout.size().min(new_size));
            self.dealloc(block, layout);
        }
        moved
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::alloc::System;

    fn layout(size: usize, align: usize) -> Layout {
        Layout::from_size_align(size, align).unwrap()
    }

    #[test]
    fn blocks_come_from_the_arena_until_it_is_full() {
        let arena: Arena<System, 64> = Arena::new(System);
        unsafe {
            let first = arena.alloc(layout(40, 8));
            assert!(arena.state().owns(first));
            let second = arena.alloc(layout(40, 8));
            assert!(!arena.state().owns(second), "past the end");
            assert_eq!(arena.live(), 1);
            arena.dealloc(second, layout(40, 8));
            arena.dealloc(first, layout(40, 8));
            assert_eq!(arena.live(), 0);
        }
    }

    #[test]
    fn the_arena_starts_over_when_nothing_in_it_is_alive() {
        let arena: Arena<System, 256> = Arena::new(System);
        unsafe {
            let a = arena.alloc(layout(16, 8));
            let b = arena.alloc(layout(16, 8));
            arena.dealloc(a, layout(16, 8));
            arena.dealloc(b, layout(16, 8));
            assert_eq!(arena.alloc(layout(16, 8)), a);
        }
    }

    #[test]
    fn a_scope_rewinds_when_its_blocks_are_freed() {
        let arena: Arena<System, 256> = Arena::new(System);
        unsafe {
            // Outlives the scope, as wasm-bindgen's table of references does.
            let kept = arena.alloc(layout(16, 8));
            let scope = arena.scope();
            let a = arena.alloc(layout(16, 8));
            let b = arena.alloc(layout(16, 8));
            arena.dealloc(a, layout(16, 8));
            arena.dealloc(b, layout(16, 8));
            drop(scope);
            assert_eq!(arena.alloc(layout(16, 8)), a, "rewound past a and b");
            assert_eq!(arena.live(), 2);
            let _ = kept;
        }
    }

    #[test]
    fn what_is_made_outside_the_arena_does_not_keep_a_scope_from_rewinding() {
        let arena: Arena<System, 256> = Arena::new(System);
        unsafe {
            let scope = arena.scope();
            let freed = arena.alloc(layout(16, 8));
            let kept = arena.outside(|| arena.alloc(layout(16, 8)));
            assert!(!arena.state().owns(kept), "from the backing allocator");
            arena.dealloc(freed, layout(16, 8));
            drop(scope);
            assert_eq!(arena.alloc(layout(16, 8)), freed, "rewound");
            assert!(
                arena.state().owns(arena.alloc(layout(16, 8))),
                "the arena again after"
            );
            arena.dealloc(kept, layout(16, 8));
        }
    }

    #[test]
    fn a_scope_keeps_what_outlives_it() {
        let arena: Arena<System, 256> = Arena::new(System);
        unsafe {
            let scope = arena.scope();
            let freed = arena.alloc(layout(16, 8));
            let kept = arena.alloc(layout(16, 8));
            arena.dealloc(freed, layout(16, 8));
            drop(scope);
            let after = arena.alloc(layout(16, 8));
            assert!(
                after as usize >= kept as usize + 16,
                "not over the kept block"
            );
        }
    }

    #[test]
    fn a_block_from_before_the_scope_that_grows_past_its_mark_is_kept() {
        let arena: Arena<System, 256> = Arena::new(System);
        unsafe {
            let old = arena.alloc(layout(8, 1));
            let scope = arena.scope();
            let grown = arena.realloc(old, layout(8, 1), 64);
            assert_eq!(grown, old, "the last block grows in place");
            drop(scope);
            let after = arena.alloc(layout(8, 1));
            assert!(after as usize >= old as usize + 64);
        }
    }

    #[test]
    fn an_inner_scope_rewinds_to_its_own_mark() {
        let arena: Arena<System, 256> = Arena::new(System);
        unsafe {
            let outer = arena.scope();
            let kept = arena.alloc(layout(16, 8));
            let inner = arena.scope();
            let a = arena.alloc(layout(16, 8));
            let b = arena.alloc(layout(16, 8));
            // Freed first, `a` is not the last block: only the scope can take the arena back
            // to it (freeing `b` alone goes back to `b`).
            arena.dealloc(a, layout(16, 8));
            arena.dealloc(b, layout(16, 8));
            drop(inner);
            assert_eq!(arena.alloc(layout(16, 8)), a, "back to the inner mark");
            assert_eq!(arena.live(), 2, "the outer scope's block is still there");
            let _ = (outer, kept);
        }
    }

    #[test]
    fn an_inner_scope_whose_block_lives_on_keeps_it_and_the_outer_one_too() {
        let arena: Arena<System, 256> = Arena::new(System);
        unsafe {
            let outer = arena.scope();
            let inner = arena.scope();
            let lives = arena.alloc(layout(16, 8));
            drop(inner);
            drop(outer);
            let after = arena.alloc(layout(16, 8));
            assert!(
                after as usize >= lives as usize + 16,
                "not over the living block"
            );
            arena.dealloc(lives, layout(16, 8));
            arena.dealloc(after, layout(16, 8));
        }
    }

    #[test]
    fn closing_an_outer_scope_closes_the_inner_one() {
        let arena: Arena<System, 256> = Arena::new(System);
        unsafe {
            let start = arena.alloc(layout(16, 8));
            let outer = arena.scope();
            let inner = arena.scope();
            let a = arena.alloc(layout(16, 8));
            arena.dealloc(a, layout(16, 8));
            drop(outer);
            // The inner scope's drop, after its outer one's, does nothing.
            drop(inner);
            assert_eq!(arena.alloc(layout(16, 8)), a);
            let _ = start;
        }
    }

    #[test]
    fn scopes_beyond_the_most_do_nothing() {
        let arena: Arena<System, 256> = Arena::new(System);
        let scopes: Vec<_> = (0..MAX_SCOPES + 1).map(|_| arena.scope()).collect();
        assert!(scopes[..MAX_SCOPES].iter().all(|s| s.arena.is_some()));
        assert!(scopes[MAX_SCOPES].arena.is_none());
    }

    #[test]
    fn the_last_block_grows_in_place() {
        let arena: Arena<System, 256> = Arena::new(System);
        unsafe {
            let a = arena.alloc(layout(8, 1));
            a.write_bytes(7, 8);
            let grown = arena.realloc(a, layout(8, 1), 100);
            assert_eq!(grown, a);
            let b = arena.alloc(layout(8, 1));
            // No longer the last block: it moves, keeping its bytes.
            let moved = arena.realloc(a, layout(100, 1), 120);
            assert_ne!(moved, a);
            assert!((0..8).all(|i| *moved.add(i) == 7));
            arena.dealloc(b, layout(8, 1));
            arena.dealloc(moved, layout(120, 1));
            assert_eq!(arena.live(), 0);
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use proptest::prelude::*;

        #[derive(Debug, Clone)]
        enum Step {
            Alloc {
                size: usize,
                align_log2: u32,
            },
            Free(usize),
            Realloc(usize, usize),
            Open,
            /// The innermost open scope.
            Close,
            /// The outermost open scope (and so every scope inside it), before them.
            CloseOuter,
        }

        fn step() -> impl Strategy<Value = Step> {
            prop_oneof![
                (1usize..300, 0u32..5)
                    .prop_map(|(size, align_log2)| Step::Alloc { size, align_log2 }),
                any::<usize>().prop_map(Step::Free),
                (any::<usize>(), 1usize..400).prop_map(|(i, size)| Step::Realloc(i, size)),
                Just(Step::Open),
                Just(Step::Close),
                Just(Step::CloseOuter),
            ]
        }

        proptest! {
            /// Whatever the order of allocations, frees, reallocations and scopes (nested, and
            /// closed in or out of order), every live block is aligned and keeps its own bytes
            /// (no two blocks overlap), in and past the arena.
            #[test]
            fn live_blocks_never_overlap(steps in prop::collection::vec(step(), 1..200)) {
                let arena: Arena<System, 2048> = Arena::new(System);
                // (block, layout, the byte it is filled with)
                let mut live: Vec<(*mut u8, Layout, u8)> = Vec::new();
                let mut fill = 0u8;
                let mut scopes = Vec::new();
                for step in steps {
                    unsafe {
                        match step {
                            Step::Open => scopes.push(arena.scope()),
                            Step::Close => drop(scopes.pop()),
                            Step::CloseOuter if !scopes.is_empty() => drop(scopes.remove(0)),
                            Step::Alloc { size, align_log2 } => {
                                let layout = layout(size, 1 << align_log2);
                                let block = arena.alloc(layout);
                                prop_assert!(!block.is_null());
                                prop_assert_eq!(block as usize % layout.align(), 0);
                                fill = fill.wrapping_add(1);
                                block.write_bytes(fill, size);
                                live.push((block, layout, fill));
                            }
                            Step::Free(i) if !live.is_empty() => {
                                let (block, layout, _) = live.swap_remove(i % live.len());
                                arena.dealloc(block, layout);
                            }
                            Step::Realloc(i, size) if !live.is_empty() => {
                                let i = i % live.len();
                                let (block, old, byte) = live[i];
                                let block = arena.realloc(block, old, size);
                                prop_assert!(!block.is_null());
                                prop_assert_eq!(block as usize % old.align(), 0);
                                for at in 0..old.size().min(size) {
                                    prop_assert_eq!(*block.add(at), byte);
                                }
                                block.write_bytes(byte, size);
                                live[i] = (block, layout(size, old.align()), byte);
                            }
                            _ => {}
                        }
                        for &(block, layout, byte) in &live {
                            for at in 0..layout.size() {
                                prop_assert_eq!(*block.add(at), byte, "a block was overwritten");
                            }
                        }
                    }
                }
                drop(scopes);
                for (block, layout, _) in live.drain(..) {
                    unsafe { arena.dealloc(block, layout) };
                }
                prop_assert_eq!(arena.live(), 0);
            }
        }
    }
}
