#ifndef CNCURSES_SHIM_H
#define CNCURSES_SHIM_H
// SwiftPM drops -D_XOPEN_SOURCE from pkg-config flags: ask for the wide API ourselves.
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/ncurses.h>

// ---------------------------------------------------------------------------------------
// Curses globals and macros that Swift 6 cannot import (shared mutable state, or
// function-like macros), wrapped as functions.
// ---------------------------------------------------------------------------------------

static inline WINDOW *cn_stdscr(void) { return stdscr; }
static inline int cn_lines(void) { return LINES; }
static inline int cn_cols(void) { return COLS; }
static inline int cn_colors(void) { return COLORS; }
static inline int cn_color_pairs(void) { return COLOR_PAIRS; }
static inline int cn_key_f(int n) { return KEY_F(n); }
static inline FILE *cn_stdout(void) { return stdout; }
static inline FILE *cn_stdin(void) { return stdin; }
static inline int cn_wcwidth(wchar_t c) { return wcwidth(c); }

static inline attr_t cn_a_normal(void) { return A_NORMAL; }
static inline attr_t cn_a_bold(void) { return A_BOLD; }
static inline attr_t cn_a_dim(void) { return A_DIM; }
static inline attr_t cn_a_reverse(void) { return A_REVERSE; }
static inline attr_t cn_a_underline(void) { return A_UNDERLINE; }

/// `setcchar` with an extended (int) colour pair, so pairs above 32767 work.
static inline int cn_setcchar(cchar_t *cell, const wchar_t *text, attr_t attrs, int pair) {
    return setcchar(cell, text, attrs, 0, &pair);
}

/// The number of wide characters a `cchar_t` can hold (one spacing + combining marks).
static inline int cn_cchar_max(void) { return CCHARW_MAX; }

/// Whether the current LC_CTYPE codeset is UTF-8 (after `setlocale(LC_ALL, "")`).
static inline int cn_codeset_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    if (codeset == NULL) return 0;
    return strcasecmp(codeset, "UTF-8") == 0 || strcasecmp(codeset, "UTF8") == 0;
}

// ---------------------------------------------------------------------------------------
// Terminal restore on signals, crashes and exit.
//
// The handler is async-signal-safe: it calls no curses function. While curses is active
// it writes a byte sequence prepared in advance from terminfo (sgr0 op cnorm rmkx rmcup)
// with write(2) and puts back the terminal modes saved before curses started with
// tcsetattr(2) — both on the POSIX list of async-signal-safe functions. Then it puts back
// the action that was there before and raises the signal again: the default ends the
// process as it would have without us (a shell sees 128 + signal, a crash dumps core),
// and a handler that was there first (the Swift runtime's crash backtracer) still runs,
// now on the normal screen. A signal that was ignored when we started stays ignored.
//
// The state is `static`, so every translation unit has its own copy. Swift emits a static
// inline function into each object file that calls it: call the `cn_restore_*` functions
// from ONE Swift source file only (LearnCurses/TerminalRestore.swift).
// ---------------------------------------------------------------------------------------

// Every signal whose default action ends the process and that can be caught: the 22
// named ones, then the real-time signals (SIGRTMIN…SIGRTMAX, at most 32 of them).
enum { CN_RESTORE_CAPACITY = 512, CN_NAMED_SIGNAL_COUNT = 22, CN_SIGNAL_COUNT = CN_NAMED_SIGNAL_COUNT + 32 };

// Swift's importer emits a header's functions but not its file-scope aggregates, so the
// state lives in a function-local static (emitted with its function).
struct cn_restore_state {
    volatile sig_atomic_t active;
    int fd;
    int installed;
    int atexit_registered;
    size_t length;
    struct termios modes;
    char bytes[CN_RESTORE_CAPACITY];
    struct sigaction previous[CN_SIGNAL_COUNT];
    int handled[CN_SIGNAL_COUNT];
};

static inline struct cn_restore_state *cn_restore_state(void) {
    static struct cn_restore_state state;
    return &state;
}

/// The i-th signal restored on, or 0 past the last real-time signal.
static inline int cn_restore_signal(int i) {
    static const int signals[CN_NAMED_SIGNAL_COUNT] = {
        SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT,
        SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE, SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ, SIGSYS, SIGIO,
        SIGPWR, SIGSTKFLT
    };
    if (i < CN_NAMED_SIGNAL_COUNT) return signals[i];
    int realtime = SIGRTMIN + (i - CN_NAMED_SIGNAL_COUNT);
    return realtime <= SIGRTMAX ? realtime : 0;
}

/// Writes the reset sequence and puts back the saved terminal modes, once.
static inline void cn_restore_now(void) {
    struct cn_restore_state *s = cn_restore_state();
    if (!s->active) return;
    s->active = 0;
    size_t done = 0;
    while (done < s->length) {
        ssize_t n = write(s->fd, s->bytes + done, s->length - done);
        if (n > 0) { done += (size_t)n; continue; }
        if (n < 0 && errno == EINTR) continue;
        break;
    }
    (void)tcsetattr(s->fd, TCSADRAIN, &s->modes);
}

static inline void cn_restore_signal_handler(int sig) {
    int saved_errno = errno;
    struct cn_restore_state *s = cn_restore_state();
    cn_restore_now();
    struct sigaction fallback;
    memset(&fallback, 0, sizeof fallback);
    fallback.sa_handler = SIG_DFL;
    sigemptyset(&fallback.sa_mask);
    const struct sigaction *next = &fallback;
    for (int i = 0; i < CN_SIGNAL_COUNT; i++) {
        if (cn_restore_signal(i) == sig && s->previous[i].sa_handler != SIG_IGN) next = &s->previous[i];
    }
    sigaction(sig, next, NULL);
    // The signal is blocked while this handler runs: it is delivered again, to the action
    // just put back, as soon as the handler returns.
    raise(sig);
    errno = saved_errno;
}

static inline void cn_restore_at_exit(void) { cn_restore_now(); }

/// Saves the terminal modes of `fd` (call before curses changes them) and installs the
/// handlers. Handlers go in before `newterm`, so ncurses keeps its hands off SIGINT and
/// SIGTERM (it only takes signals still at their default). Returns 0, or errno.
static inline int cn_restore_install(int fd) {
    struct cn_restore_state *s = cn_restore_state();
    if (tcgetattr(fd, &s->modes) != 0) return errno;
    s->fd = fd;
    s->length = 0;
    s->active = 0;
    if (!s->installed) {
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_handler = cn_restore_signal_handler;
        action.sa_flags = 0;
        sigemptyset(&action.sa_mask);
        for (int i = 0; i < CN_SIGNAL_COUNT; i++) {
            s->handled[i] = 0;
            if (cn_restore_signal(i) == 0) continue;
            if (sigaction(cn_restore_signal(i), NULL, &s->previous[i]) != 0) continue;
            if (s->previous[i].sa_handler == SIG_IGN) continue;
            s->handled[i] = sigaction(cn_restore_signal(i), &action, NULL) == 0;
        }
        s->installed = 1;
    }
    if (!s->atexit_registered) {
        atexit(cn_restore_at_exit);
        s->atexit_registered = 1;
    }
    return 0;
}

/// Appends one terminfo string capability (padding `$<…>` removed) to the reset sequence.
static inline void cn_restore_append_capability(const char *name) {
    struct cn_restore_state *s = cn_restore_state();
    const char *value = tigetstr(name);
    if (value == NULL || value == (const char *)-1) return;
    for (const char *p = value; *p != '\0'; p++) {
        if (p[0] == '$' && p[1] == '<') {
            const char *close = strchr(p, '>');
            if (close != NULL) { p = close; continue; }
        }
        if (s->length + 1 >= CN_RESTORE_CAPACITY) return;
        s->bytes[s->length++] = *p;
    }
}

/// Arms the handlers once curses is up: builds the reset sequence from terminfo.
static inline void cn_restore_arm(void) {
    struct cn_restore_state *s = cn_restore_state();
    s->active = 0;
    s->length = 0;
    cn_restore_append_capability("sgr0");
    cn_restore_append_capability("op");
    cn_restore_append_capability("cnorm");
    cn_restore_append_capability("rmkx");
    cn_restore_append_capability("rmcup");
    s->active = 1;
}

/// Disarms without removing the handlers (the program is suspended in shell mode).
static inline void cn_restore_disarm(void) { cn_restore_state()->active = 0; }

/// Disarms (curses has restored the terminal itself) and puts back the previous handlers.
static inline void cn_restore_uninstall(void) {
    struct cn_restore_state *s = cn_restore_state();
    s->active = 0;
    if (!s->installed) return;
    for (int i = 0; i < CN_SIGNAL_COUNT; i++) {
        if (s->handled[i]) sigaction(cn_restore_signal(i), &s->previous[i], NULL);
        s->handled[i] = 0;
    }
    s->installed = 0;
}

static inline int cn_restore_is_installed(void) { return cn_restore_state()->installed; }

/// Unblocks the signals the terminal layer relies on (resize, job control, the ones it
/// restores the terminal on). A process inherits its parent's signal mask, and a parent
/// that spawns from a worker thread (with everything blocked) would otherwise leave us
/// deaf to SIGWINCH and SIGTERM.
static inline int cn_unblock_terminal_signals(void) {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGWINCH);
    sigaddset(&set, SIGTSTP);
    sigaddset(&set, SIGCONT);
    for (int i = 0; i < CN_SIGNAL_COUNT; i++) {
        if (cn_restore_signal(i) != 0) sigaddset(&set, cn_restore_signal(i));
    }
    return sigprocmask(SIG_UNBLOCK, &set, NULL);
}

#endif
