// SPDX-License-Identifier: GPL-2.0
/*
 * mn_reap: the OOM reaper and process_mrelease(2) on a process whose mm
 * carries test_hmm's interval notifier and its test-only hlist notifiers A
 * and B (B fails non-blocking starts while the device is busy), as an
 * OOM-killed nouveau SVM process carries them. Runs in the make vmtest
 * guest as root, test_hmm.ko loaded, the memory cgroup $MEMCG set up.
 *
 *   mn_reap oom-unable   B busy until the reaper gives up on the victim
 *   mn_reap oom-reaped   B busy until its first failed start, then free:
 *                        the reaper's next try must reap everything
 *   mn_reap mrelease     SIGKILL, process_mrelease() with B busy (must
 *                        fail with EAGAIN), then free (must succeed)
 *
 * A thread of the victim waits in the driver (HMM_DMIRROR_LINGER), so that
 * its mm outlives the killed main thread; it is let go at the end, and the
 * victim must then exit, which closes its dmirror file and so removes its
 * interval notifier. Prints "mn_reap: SCENARIO: key=value ..." and exits 0
 * when everything the scenario expects happened.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "test_hmm_uapi.h"

#define DEVICE		"/dev/hmm_dmirror0"
#define MEMCG		"/sys/fs/cgroup/mn_reap"
#define WAIT_KILL	60	/* s: allocate until the OOM killer acts */
#define WAIT_REAPER	30	/* s: OOM_REAPER_DELAY (2 s) and 10 tries */
#define WAIT_EXIT	40	/* s: hung task timeout 10 s, checked every 10 s */

static const char *scenario;
static char kbuf[8192];
static int kmsg = -1;
static char failures[512];

static void fail(const char *fmt, ...)
{
	size_t n = strlen(failures);
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(failures + n, sizeof(failures) - n, fmt, ap);
	va_end(ap);
}

static void die(const char *what)
{
	printf("mn_reap: %s: ERROR: %s: %s\n", scenario, what, strerror(errno));
	exit(2);
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* The next kernel log record since the last call, or NULL if none yet. */
static const char *kmsg_next(void)
{
	ssize_t n;

	for (;;) {
		n = read(kmsg, kbuf, sizeof(kbuf) - 1);
		if (n < 0 && errno == EPIPE)	/* overwritten: skip */
			continue;
		if (n <= 0)
			return NULL;
		kbuf[n] = 0;
		return strchr(kbuf, ';') ? strchr(kbuf, ';') + 1 : kbuf;
	}
}

/*
 * Wait up to SECS for a kernel log line that contains A and, unless NULL,
 * B; return it, or NULL at the timeout or as soon as DONE() is true.
 */
static const char *kmsg_wait(double secs, const char *a, const char *b,
			     bool (*done)(void))
{
	double end = now() + secs;
	const char *m;

	do {
		while ((m = kmsg_next()))
			if (a && strstr(m, a) && (!b || strstr(m, b)))
				return m;
		if (done && done())
			return NULL;
		usleep(10000);
	} while (now() < end);
	return NULL;
}

static void ctl(int fd, unsigned long cmd, unsigned long arg)
{
	if (ioctl(fd, cmd, arg))
		die("ioctl on " DEVICE);
}

static struct hmm_dmirror_hlist_stats stats(int fd)
{
	struct hmm_dmirror_hlist_stats s;

	if (ioctl(fd, HMM_DMIRROR_HLIST_STATS, &s))
		die("HMM_DMIRROR_HLIST_STATS");
	return s;
}

/* ---- the victim ---------------------------------------------------- */

static int victim_fd;
static volatile pid_t linger_tid;

static void *linger(void *arg)
{
	(void)arg;
	linger_tid = gettid();
	ioctl(victim_fd, HMM_DMIRROR_LINGER, 0);
	return NULL;
}

/* The state letter of thread TID of process PID, 0 if there is none. */
static char state(pid_t pid, pid_t tid)
{
	char path[64], buf[256], *p, r = 0;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/task/%d/stat", pid, tid);
	f = fopen(path, "r");
	if (f && fgets(buf, sizeof(buf), f) && (p = strrchr(buf, ')')))
		r = p[2];
	if (f)
		fclose(f);
	return r;
}

/* Tell the controller the victim is ready, and its lingering thread. */
static void tell(int ready)
{
	if (write(ready, (pid_t *)&linger_tid, sizeof(pid_t)) != sizeof(pid_t))
		die("write");
}

static void victim(int ready, bool oom)
{
	pthread_t t;
	int fd;

	if (oom) {
		fd = open(MEMCG "/cgroup.procs", O_WRONLY);
		if (fd < 0 || write(fd, "0", 1) != 1)
			die("joining " MEMCG);
		close(fd);
	}
	victim_fd = open(DEVICE, O_RDWR);
	if (victim_fd < 0)
		die("open " DEVICE);
	ctl(victim_fd, HMM_DMIRROR_HLIST_REGISTER, 0);
	if (pthread_create(&t, NULL, linger, NULL))
		die("pthread_create");
	/* In the driver: TASK_IDLE, shown as I. */
	while (!linger_tid || state(getpid(), linger_tid) != 'I')
		usleep(1000);
	/*
	 * Faulted-in anonymous memory, what the reaper frees: 8 MiB, or
	 * until the OOM killer kills it. The thread in the driver is the last
	 * to exit, so it closes the file: the task a hang would report.
	 */
	if (oom)
		tell(ready);
	for (int i = 0; oom || i < 8; i++) {
		char *p = mmap(NULL, 1 << 20, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

		if (p == MAP_FAILED)
			die("mmap");
		memset(p, 1, 1 << 20);
	}
	tell(ready);
	for (;;)
		pause();
}

/* ---- the controller ------------------------------------------------ */

static pid_t pid, tid;

static bool victim_exited(void)
{
	return waitpid(pid, NULL, WNOHANG) == pid;
}

/* "RssAnon" of the lingering thread's status in kB, -1 if not there. */
static long rss_anon(void)
{
	char path[64], line[128];
	long kb = -1;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/task/%d/status", pid, tid);
	f = fopen(path, "r");
	while (f && fgets(line, sizeof(line), f))
		sscanf(line, "RssAnon: %ld", &kb);
	if (f)
		fclose(f);
	return kb;
}

int main(int argc, char **argv)
{
	struct hmm_dmirror_hlist_stats before, after;
	bool oom, hung = false, in_remove = false, exited;
	char pat[64];
	const char *m;
	int fd, pfd[2];

	setvbuf(stdout, NULL, _IOLBF, 0);
	scenario = argc > 1 ? argv[1] : "";
	oom = !strncmp(scenario, "oom-", 4);
	if (strcmp(scenario, "oom-unable") && strcmp(scenario, "oom-reaped") &&
	    strcmp(scenario, "mrelease")) {
		fprintf(stderr, "usage: mn_reap oom-unable|oom-reaped|mrelease\n");
		return 2;
	}
	fd = open(DEVICE, O_RDWR);
	if (fd < 0)
		die("open " DEVICE);
	kmsg = open("/dev/kmsg", O_RDONLY | O_NONBLOCK);
	if (kmsg < 0 || lseek(kmsg, 0, SEEK_END) < 0)
		die("/dev/kmsg");
	before = stats(fd);
	ctl(fd, HMM_DMIRROR_LINGER_GATE, 1);
	ctl(fd, HMM_DMIRROR_HLIST_BUSY, 1);
	if (pipe(pfd))
		die("pipe");
	pid = fork();
	if (pid < 0)
		die("fork");
	if (!pid)
		victim(pfd[1], oom);
	if (read(pfd[0], &tid, sizeof(tid)) != sizeof(tid)) {
		printf("mn_reap: %s: victim=%d died before it was ready\n", scenario, pid);
		return 1;
	}
	printf("mn_reap: %s: victim=%d ready: dmirror file, notifiers A and B, thread %d lingering; B busy\n",
	       scenario, pid, tid);

	if (oom) {
		snprintf(pat, sizeof(pat), "Killed process %d ", pid);
		if (!kmsg_wait(WAIT_KILL, pat, NULL, NULL)) {
			printf("mn_reap: %s: the OOM killer did not kill %d in %d s\n", scenario, pid, WAIT_KILL);
			return 1;
		}
		printf("mn_reap: %s: OOM killer: %s", scenario, strstr(kbuf, ";") + 1);
		if (!strcmp(scenario, "oom-unable")) {
			snprintf(pat, sizeof(pat), "oom_reaper: unable to reap pid:%d ", pid);
			m = kmsg_wait(WAIT_REAPER, pat, NULL, NULL);
			printf("mn_reap: %s: reaper=%s\n", scenario, m ? "unable" : "nothing");
			if (!m)
				fail(" no 'oom_reaper: unable to reap' in %d s;", WAIT_REAPER);
		} else {
			/* B's first failure, then let it take its slot. */
			double end = now() + WAIT_REAPER;

			while (stats(fd).b_failed == before.b_failed && now() < end)
				usleep(1000);
			ctl(fd, HMM_DMIRROR_HLIST_BUSY, 0);
			snprintf(pat, sizeof(pat), "oom_reaper: reaped process %d ", pid);
			m = kmsg_wait(WAIT_REAPER, pat, NULL, NULL);
			printf("mn_reap: %s: reaper=%s", scenario, m ? m : "nothing\n");
			if (!m)
				fail(" no 'oom_reaper: reaped process' in %d s;", WAIT_REAPER);
			else if (!strstr(m, "anon-rss:0kB"))
				fail(" anonymous memory left after the reap;");
		}
	} else {
		long r1, r2, rss0, rss1;
		int e1, pidfd = syscall(SYS_pidfd_open, pid, 0);

		if (pidfd < 0)
			die("pidfd_open");
		rss0 = rss_anon();
		kill(pid, SIGKILL);
		/* The main thread exits; the group stays for the lingering one. */
		for (double end = now() + 10; state(pid, pid) != 'Z' && now() < end; )
			usleep(1000);
		if (state(pid, pid) != 'Z' || state(pid, tid) == 0)
			fail(" the killed victim's main thread did not exit alone in 10 s;");
		r1 = syscall(SYS_process_mrelease, pidfd, 0);
		e1 = errno;
		ctl(fd, HMM_DMIRROR_HLIST_BUSY, 0);
		r2 = syscall(SYS_process_mrelease, pidfd, 0);
		rss1 = rss_anon();
		printf("mn_reap: %s: RssAnon %ld kB; process_mrelease() busy: %ld (%s), free: %ld (%s); RssAnon %ld kB\n",
		       scenario, rss0, r1, r1 ? strerror(e1) : "ok", r2,
		       r2 ? strerror(errno) : "ok", rss1);
		if (r1 != -1 || e1 != EAGAIN)
			fail(" process_mrelease() did not fail with EAGAIN while B was busy;");
		if (r2)
			fail(" process_mrelease() failed once B was free;");
		if (rss1 > 0)
			fail(" anonymous memory left after process_mrelease();");
	}

	/* Let the victim go: it must exit, closing its dmirror file. */
	ctl(fd, HMM_DMIRROR_HLIST_BUSY, 0);
	ctl(fd, HMM_DMIRROR_LINGER_GATE, 0);
	snprintf(pat, sizeof(pat), ":%d blocked for more than", tid);
	m = kmsg_wait(WAIT_EXIT, "INFO: task ", pat, victim_exited);
	exited = !m && (kill(pid, 0) || victim_exited());
	if (m) {
		hung = true;
		/* The report's stack trace follows, a record a line. */
		in_remove = kmsg_wait(5, "mmu_interval_notifier_remove", NULL, NULL);
	}
	after = stats(fd);
	printf("mn_reap: %s: exited=%s hung=%s A=%lld B=%lld unpaired=%llu files=%llu (before: %llu)\n",
	       scenario, exited ? "yes" : "no",
	       hung ? (in_remove ? "yes,in-mmu_interval_notifier_remove" : "yes") : "no",
	       (long long)after.a_active, (long long)after.b_active,
	       (unsigned long long)(after.unpaired - before.unpaired),
	       (unsigned long long)after.files, (unsigned long long)before.files);
	if (!exited)
		fail(" the victim did not exit in %d s%s;", WAIT_EXIT,
		     hung ? " (hung task)" : "");
	if (after.a_active || after.b_active || after.unpaired != before.unpaired)
		fail(" A and B not balanced;");
	if (exited && after.files != before.files)
		fail(" the victim's dmirror file is still open;");
	printf("mn_reap: %s: %s%s\n", scenario, failures[0] ? "FAIL:" : "PASS", failures);
	return !!failures[0];
}
