/*
 * unwind.pml - the mmu notifier hlist walk, the unwind of a failed
 * non-blocking start, and concurrent removal, as the series codes them in
 * mm/mmu_notifier.c (7.3 base + patches 1-5).  Checked exhaustively by spin:
 * see model/README.md, or run "make model".
 *
 * What stands for what (functions of mm/mmu_notifier.c unless named):
 *
 *   node 1..NNOTIF     a struct mmu_notifier (the number is its address)
 *   serial[]           its ->serial, given by mn_hlist_add() and
 *                      mn_hlist_renumber(); MAXSERIAL stands for UINT_MAX,
 *                      small so that the renumbering is reached
 *   head, next[]       subscriptions->list.first and each hlist_node's next
 *   listed[]           !hlist_unhashed(): pprev != NULL
 *   gp[], freed[]      SRCU: a removed notifier is freed (free_notifier()
 *                      after call_srcu() in mmu_notifier_put(), or the
 *                      caller's kfree() after mmu_notifier_unregister()'s
 *                      synchronize_srcu()) only after every SRCU reader
 *                      that was inside when it was removed has left; only a
 *                      freed notifier can be registered again
 *   mmap_readers       the mmap_lock held for read by the invalidating
 *                      callers (the OOM reaper holds it around the whole
 *                      start/end); registration needs it for write
 *   itree_active       subscriptions->active_invalidate_ranges, what
 *                      mmu_interval_read_begin() and
 *                      mmu_interval_notifier_remove() wait on
 *
 * Every statement of Promela is one atomic step, so the model is
 * sequentially consistent: the hlist pointer stores and loads are taken as
 * single, ordered accesses (what rcu_assign_pointer()/WRITE_ONCE() and
 * srcu_dereference() provide for this walk).  Memory ordering beyond that
 * is left to the KUnit stress case and the kernel's own RCU checks.
 *
 * Mutants (spin -D...), each must fail:
 *   MUTANT_IDENTITY  mn_hlist_end_started() stops at the failing notifier
 *                    by identity (subscription == failed), not by number
 *   MUTANT_ADDRESS   it stops at the first notifier at an address not below
 *                    the failing one's, the rule of a list sorted by address,
 *                    on a list added to at the head
 *   MUTANT_NO_RENUMBER  mn_hlist_add() lets the number wrap to 0 instead of
 *                    renumbering the list
 *   MUTANT_NO_ITREE  no mn_itree_inv_end() when the hlist fails (the base,
 *                    before patch 1)
 */

#ifndef NNOTIF
#define NNOTIF	3	/* hlist notifiers, at addresses 1..NNOTIF */
#endif
#ifndef NINV
#define NINV	2	/* tasks invalidating concurrently (mmap_lock read) */
#endif
#ifndef MAXSERIAL
#define MAXSERIAL 2	/* UINT_MAX of the model: small, so that it is reached */
#endif
#define NIL	0
#define BIT(n)	(1 << (n))

byte head = NIL;
byte next[NNOTIF + 1];
byte serial[NNOTIF + 1];
bool listed[NNOTIF + 1];
bool freed[NNOTIF + 1];
byte gp[NNOTIF + 1];		/* SRCU readers that may still see a node */
byte in_srcu;			/* SRCU readers inside, one bit per task */
byte mmap_readers;
byte itree_active;

/* Per invalidation, for the properties: who started, who was ended. */
byte started[NINV];
byte ended[NINV];

/*
 * mn_hlist_add(), under subscriptions->lock and the mmap_lock for write
 * (one atomic step: no walk that compares numbers runs meanwhile): number
 * the node one above the head, after mn_hlist_renumber() when the head's
 * number is MAXSERIAL, and add it at the head (hlist_add_head_rcu()).  The
 * node is initialised before it is published.
 */
inline hlist_add(n, pos, cnt)
{
	if
	:: head != NIL && serial[head] == MAXSERIAL ->
#ifdef MUTANT_NO_RENUMBER
		serial[n] = 0
#else
		/* mn_hlist_renumber(): count, then number down to 0 */
		cnt = 0;
		pos = head;
		do
		:: pos != NIL -> cnt++; pos = next[pos]
		:: else -> break
		od;
		pos = head;
		do
		:: pos != NIL -> cnt--; serial[pos] = cnt; pos = next[pos]
		:: else -> break
		od;
		serial[n] = serial[head] + 1
#endif
	:: head != NIL && serial[head] < MAXSERIAL -> serial[n] = serial[head] + 1
	:: head == NIL -> serial[n] = 0
	fi;
	next[n] = head;
	head = n;
	listed[n] = true;
	freed[n] = false
}

/*
 * hlist_del_init_rcu() under subscriptions->lock, as mmu_notifier_put(),
 * mmu_notifier_unregister() and mn_hlist_release() do: unlink (one store to
 * the predecessor's next or to the head), and keep the removed node's own
 * next, so that a walker standing on it goes on.  The SRCU readers inside
 * now are the ones the node must outlive.  The kernel leaves ->serial as it
 * is; the model zeroes it, to keep the state space small, which is sound
 * because every walk copies a node's number when it arrives there (cser,
 * fser): a number never changes while a walk could compare it (removal does
 * not touch it, and renumbering needs the mmap_lock for write).
 */
inline hlist_del(n, pos)
{
	if
	:: head == n -> head = next[n]
	:: else ->
		pos = head;
		do
		:: next[pos] == n -> break
		:: else -> pos = next[pos]
		od;
		next[pos] = next[n]
	fi;
	listed[n] = false;
	serial[n] = 0;	/* forgotten: the walks copied it on arrival (cser) */
	gp[n] = in_srcu
}

/* srcu_read_lock() / srcu_read_unlock() around each hlist walk. */
inline srcu_lock(p)
{
	in_srcu = in_srcu | BIT(p)
}

inline srcu_unlock(p, i)
{
	d_step {
		in_srcu = in_srcu & ~BIT(p);
		i = 1;
		do
		:: i <= NNOTIF -> gp[i] = gp[i] & ~BIT(p); i++
		:: else -> break
		od;
		i = 0
	}
}

/* ops->invalidate_range_end() on node n, by task p. */
inline call_end(p, n)
{
	atomic {
		printf("MSC: T%d ends %d\n", p, n);
		assert(!freed[n]);		/* no callback after the grace period */
		assert(started[p] & BIT(n));	/* no end without a start in this call */
		assert(!(ended[p] & BIT(n)));	/* at most one end per start */
		ended[p] = ended[p] | BIT(n)
	}
}

/* Every notifier that started and is still registered has been ended. */
inline check_balanced(p, i)
{
	d_step {
		i = 1;
		do
		:: i <= NNOTIF ->
			assert(!(started[p] & BIT(i)) || !listed[i] || (ended[p] & BIT(i)));
			i++
		:: else -> break
		od;
		i = 0
	}
}

proctype invalidator(byte p)
{
	byte cur, failed, i;
	byte cser, fser;	/* cur->serial as read on arrival, failed->serial */
	bool blockable, err;

end_idle:
	do
	:: /* the caller: mmap_read_lock(), then mmu_notifier_invalidate_range_start() or _nonblock() */
		mmap_readers++;
		started[p] = 0;
		ended[p] = 0;
		failed = NIL;
		err = false;
		if
		:: atomic { blockable = true; printf("MSC: T%d range_start\n", p) }
		:: atomic { blockable = false; printf("MSC: T%d range_start_nonblock\n", p) }
		fi;

		/*
		 * __mmu_notifier_invalidate_range_start(): the interval tree
		 * first.  mn_itree_invalidate(): mn_itree_inv_start_range()
		 * raises active_invalidate_ranges; when an interval notifier
		 * fails a non-blocking invalidation it calls mn_itree_inv_end()
		 * itself and returns -EAGAIN before the hlist is walked.
		 */
		itree_active++;
		if
		:: atomic {
			!blockable ->
			printf("MSC: T%d interval notifier fails\n", p);
			itree_active--;
			err = true
		   }
		:: true
		fi;

		if
		:: !err ->
			/* mn_hlist_invalidate_range_start() */
			srcu_lock(p);
			atomic { cur = head; cser = (blockable -> 0 : serial[cur]) };
			do
			:: cur == NIL -> break
			:: else ->
				/* ops->invalidate_range_start() */
				assert(!freed[cur]);
				assert(failed == NIL);	/* none after the failing one */
				if
				:: atomic {				/* returned 0 */
					started[p] = started[p] | BIT(cur);
					printf("MSC: T%d starts %d\n", p, cur)
				   }
				:: atomic {				/* WARN_ON(): treated as started */
					blockable ->
					started[p] = started[p] | BIT(cur);
					printf("MSC: T%d starts %d (fails: WARN)\n", p, cur)
				   }
				:: atomic {				/* -EAGAIN */
					!blockable ->
					failed = cur;
					fser = cser;
					err = true;
					printf("MSC: T%d start of %d fails\n", p, cur)
				   }
				fi;
				if
				:: failed != NIL ->
					/* mn_hlist_end_started(): from the head, while numbered above @failed */
					atomic { cur = head; cser = serial[cur] };
					do
					:: cur == NIL -> break
#if defined(MUTANT_IDENTITY)
					:: cur == failed -> break
					:: cur != NIL && cur != failed ->
#elif defined(MUTANT_ADDRESS)
					:: cur != NIL && cur >= failed -> break
					:: cur != NIL && cur < failed ->
#else
					:: cur != NIL && cser <= fser -> break
					:: cur != NIL && cser > fser ->
#endif
						call_end(p, cur);
						atomic { cur = next[cur]; cser = serial[cur] }
					od;
#ifndef MUTANT_NO_ITREE
					/* the tree started before the hlist: mn_itree_inv_end() */
					itree_active--;
#endif
					cser = 0;
					fser = 0;
					break	/* "Start no more" */
				:: else ->
					atomic { cur = next[cur]; cser = (blockable -> 0 : serial[cur]) }
				fi
			od;
			srcu_unlock(p, i)
		:: else
		fi;

		if
		:: !err ->
			/*
			 * The caller: mmu_notifier_invalidate_range_end(), i.e.
			 * __mmu_notifier_invalidate_range_end(): mn_itree_inv_end(),
			 * then mn_hlist_invalidate_end() over the whole list.
			 */
			itree_active--;
			srcu_lock(p);
			cur = head;
			do
			:: cur == NIL -> break
			:: else -> call_end(p, cur); cur = next[cur]
			od;
			srcu_unlock(p, i)
		:: else	/* -EAGAIN: the caller calls no end */
		fi;

		check_balanced(p, i);
		/* mmap_read_unlock(); with no invalidation left, the tree is idle */
		atomic {
			mmap_readers--;
			assert(mmap_readers > 0 || itree_active == 0)
		}
	od
}

/*
 * Removal and registration, concurrently with the invalidations:
 * mmu_notifier_put()/mmu_notifier_unregister() of any registered notifier
 * (the failing one included) take only subscriptions->lock; the end of the
 * SRCU grace period frees it; mmu_notifier_register() (and _get()) of a
 * freed one needs the mmap_lock for write, so no invalidation is running.
 */
proctype remover()
{
	byte n, pos, cnt;

end_rm:
	do
	:: atomic {
		select(n : 1 .. NNOTIF);
		if
		:: listed[n] -> hlist_del(n, pos); printf("MSC: %d removed\n", n)
		:: else
		fi;
		n = 0;
		pos = 0
	   }
	:: atomic {
		select(n : 1 .. NNOTIF);
		if
		:: !listed[n] && !freed[n] && gp[n] == 0 -> freed[n] = true; serial[n] = 0; printf("MSC: %d freed\n", n)
		:: else
		fi;
		n = 0
	   }
	:: atomic {
		mmap_readers == 0 ->
		select(n : 1 .. NNOTIF);
		if
		:: freed[n] -> hlist_add(n, pos, cnt); printf("MSC: %d registered as %d\n", n, serial[n])
		:: else
		fi;
		n = 0;
		pos = 0;
		cnt = 0
	   }
	od
}

/*
 * Register every notifier (1, 2, ... in turn: the list is then NNOTIF ... 1,
 * numbered NNOTIF - 1 ... 0), then start the tasks and the remover.  Removal
 * and registration again make the other orders and numbers.
 */
init
{
	byte n, pos, cnt;

	atomic {
		n = 1;
		do
		:: n <= NNOTIF -> hlist_add(n, pos, cnt); n++
		:: else -> break
		od;
		n = 0;
		pos = 0;
		cnt = 0;
		do
		:: n < NINV -> run invalidator(n); n++
		:: else -> break
		od;
		run remover()
	}
}
