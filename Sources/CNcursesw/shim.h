// Static inline wrappers for the parts of ncursesw that Swift cannot import directly:
// macros (attributes, COLOR_PAIR, getmaxyx), globals (stdscr, curscr, COLORS) that trip
// Swift 6 concurrency checking, and a few atomic helpers for signal handlers.
#ifndef SCORECARD_CNCURSESW_SHIM_H
#define SCORECARD_CNCURSESW_SHIM_H

// SwiftPM drops pkg-config's -D_XOPEN_SOURCE, so ask for the wide-character API explicitly.
#define NCURSES_WIDECHAR 1
#include <curses.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <wchar.h>

// MARK: Globals as accessors

static inline WINDOW *sc_stdscr(void) { return stdscr; }
static inline WINDOW *sc_curscr(void) { return curscr; }
static inline int sc_lines(void) { return LINES; }
static inline int sc_cols(void) { return COLS; }
static inline int sc_colors(void) { return COLORS; }
static inline int sc_color_pairs(void) { return COLOR_PAIRS; }

static inline FILE *sc_stdin(void) { return stdin; }
static inline FILE *sc_stdout(void) { return stdout; }

// Whether the terminal (after newterm) can move the cursor: TERM=dumb cannot, and would draw every screen as one line.
static inline int sc_can_address_cursor(void) {
    char *cup = tigetstr("cup");
    return cup != NULL && cup != (char *)-1;
}

static inline int sc_getmaxy(WINDOW *win) { return getmaxy(win); }
static inline int sc_getmaxx(WINDOW *win) { return getmaxx(win); }

// MARK: Attributes and colour pairs

static inline attr_t sc_a_normal(void) { return A_NORMAL; }
static inline attr_t sc_a_bold(void) { return A_BOLD; }
static inline attr_t sc_a_dim(void) { return A_DIM; }
static inline attr_t sc_a_reverse(void) { return A_REVERSE; }
static inline attr_t sc_a_underline(void) { return A_UNDERLINE; }
static inline attr_t sc_color_pair(int pair) { return (attr_t)COLOR_PAIR(pair); }

// MARK: Key codes (octal macros; wrapped so every value has one declared type)

static inline int sc_key_code_yes(void) { return KEY_CODE_YES; }
static inline int sc_key_min(void) { return KEY_MIN; }
static inline int sc_getdelay(const WINDOW *window) { return wgetdelay(window); }
static inline int sc_key_up(void) { return KEY_UP; }
static inline int sc_key_down(void) { return KEY_DOWN; }
static inline int sc_key_left(void) { return KEY_LEFT; }
static inline int sc_key_right(void) { return KEY_RIGHT; }
static inline int sc_key_home(void) { return KEY_HOME; }
static inline int sc_key_end(void) { return KEY_END; }
static inline int sc_key_ppage(void) { return KEY_PPAGE; }
static inline int sc_key_npage(void) { return KEY_NPAGE; }
static inline int sc_key_backspace(void) { return KEY_BACKSPACE; }
static inline int sc_key_dc(void) { return KEY_DC; }
static inline int sc_key_enter(void) { return KEY_ENTER; }
static inline int sc_key_btab(void) { return KEY_BTAB; }
static inline int sc_key_resize(void) { return KEY_RESIZE; }
static inline int sc_key_max(void) { return KEY_MAX; }
static inline int sc_key_f0(void) { return KEY_F0; }

// MARK: Wide-character cells

/// Builds a cell from up to CCHARW_MAX - 1 wide characters (one spacing character and its combining marks).
static inline int sc_setcchar(cchar_t *cell, const wchar_t *chars, attr_t attrs, int pair) {
    return setcchar(cell, chars, attrs, (NCURSES_PAIRS_T)pair, NULL);
}

static inline int sc_mvwadd_wch(WINDOW *win, int y, int x, const cchar_t *cell) {
    return mvwadd_wch(win, y, x, cell);
}

/// Reads the characters of the cell at (y, x) into `chars` (room for CCHARW_MAX + 1); returns ERR or OK.
static inline int sc_mvwin_wch_chars(WINDOW *win, int y, int x, wchar_t *chars, attr_t *attrs) {
    cchar_t cell;
    NCURSES_PAIRS_T pair = 0;
    if (wmove(win, y, x) == ERR || win_wch(win, &cell) == ERR) return ERR;
    return getcchar(&cell, chars, attrs, &pair, NULL) == ERR ? ERR : OK;
}

static inline int sc_ccharw_max(void) { return CCHARW_MAX; }

// MARK: Atomics for signal handlers

static inline void sc_atomic_store(int *p, int value) { __atomic_store_n(p, value, __ATOMIC_SEQ_CST); }
static inline int sc_atomic_load(int *p) { return __atomic_load_n(p, __ATOMIC_SEQ_CST); }
static inline int sc_atomic_exchange(int *p, int value) { return __atomic_exchange_n(p, value, __ATOMIC_SEQ_CST); }

#endif
