#ifndef MFSH_CEDITLINE_SHIM_H
#define MFSH_CEDITLINE_SHIM_H
/* Fixed-signature wrappers over libedit's variadic el_set/el_get/history, which Swift cannot
   call, and over the C stdio globals, which Swift 6 strict concurrency rejects. */
#include <stdio.h>
#include <signal.h>
#include <string.h>
#include <locale.h>
#include <unistd.h>
#include <histedit.h>

typedef char *(*cel_prompt_fn)(EditLine *);
typedef unsigned char (*cel_cmd_fn)(EditLine *, int);

static inline EditLine *cel_init(const char *prog) { return el_init(prog, stdin, stdout, stderr); }
static inline void cel_puts(const char *s) { fputs(s, stdout); fflush(stdout); }

static inline int cel_set_prompt(EditLine *el, cel_prompt_fn f) { return el_set(el, EL_PROMPT, f); }
static inline int cel_set_editor(EditLine *el, const char *mode) { return el_set(el, EL_EDITOR, mode); }
static inline const char *cel_get_editor(EditLine *el) { const char *m = NULL; el_get(el, EL_EDITOR, &m); return m; }
static inline int cel_set_signal(EditLine *el, int on) { return el_set(el, EL_SIGNAL, on); }
static inline int cel_set_clientdata(EditLine *el, void *p) { return el_set(el, EL_CLIENTDATA, p); }
static inline void *cel_get_clientdata(EditLine *el) { void *p = NULL; el_get(el, EL_CLIENTDATA, &p); return p; }
static inline int cel_add_fn(EditLine *el, const char *name, const char *help, cel_cmd_fn f) {
    return el_set(el, EL_ADDFN, name, help, f);
}
/* EL_BIND's argument list must end with a NULL char pointer. */
static inline int cel_bind(EditLine *el, const char *key, const char *fn) {
    return el_set(el, EL_BIND, key, fn, (const char *)NULL);
}
static inline int cel_set_hist(EditLine *el, History *h) { return el_set(el, EL_HIST, history, h); }

static inline int cel_hist_setsize(History *h, int n)   { HistEvent ev; return history(h, &ev, H_SETSIZE, n); }
static inline int cel_hist_setunique(History *h, int on) { HistEvent ev; return history(h, &ev, H_SETUNIQUE, on); }
static inline int cel_hist_enter(History *h, const char *s) { HistEvent ev; return history(h, &ev, H_ENTER, s); }
static inline int cel_hist_load(History *h, const char *p)  { HistEvent ev; return history(h, &ev, H_LOAD, p); }
static inline int cel_hist_save(History *h, const char *p)  { HistEvent ev; return history(h, &ev, H_SAVE, p); }

/* Without SA_RESTART: a read() blocked inside el_gets then fails with EINTR. */
static inline int cel_install_handler(int signo, void (*handler)(int)) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = handler;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;
    return sigaction(signo, &sa, NULL);
}
static inline int cel_install_sigint(void (*handler)(int)) { return cel_install_handler(SIGINT, handler); }

/* Bracketed paste (the terminal wraps pasted text in ESC[200~ ... ESC[201~) is on only while a
   line is edited: code that runs, a shell we are suspended to and the shell after exit get a
   plain terminal. The flag is read by the SIGTSTP handler, hence sig_atomic_t. */
static volatile sig_atomic_t cel_paste_mode_wanted = 0;
static inline void cel_set_bracketed_paste(int on) {
    cel_paste_mode_wanted = on;
    cel_puts(on ? "\033[?2004h" : "\033[?2004l");
}
/* Ctrl-Z: turn bracketed paste off, stop, and on resume turn it back on if a line is being edited.
   libedit (EL_SIGNAL) puts the terminal in cooked mode first, then hands SIGTSTP to this handler;
   it redraws the line on SIGCONT. Only async-signal-safe calls. */
static void cel_on_sigtstp(int signo) {
    static const char off[] = "\033[?2004l", on[] = "\033[?2004h";
    struct sigaction dfl, self;
    sigset_t unblock;
    (void)signo;
    (void)!write(STDOUT_FILENO, off, sizeof off - 1);
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    sigaction(SIGTSTP, &dfl, &self);
    sigemptyset(&unblock);
    sigaddset(&unblock, SIGTSTP);
    sigprocmask(SIG_UNBLOCK, &unblock, NULL);
    raise(SIGTSTP);                       /* stops here until SIGCONT */
    sigaction(SIGTSTP, &self, NULL);
    if (cel_paste_mode_wanted) (void)!write(STDOUT_FILENO, on, sizeof on - 1);
}
static inline int cel_install_sigtstp(void) { return cel_install_handler(SIGTSTP, cel_on_sigtstp); }
#endif
