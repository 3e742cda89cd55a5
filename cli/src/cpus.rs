//! Which CPU each thread of `byline run` runs on.
//!
//! When a run has as many threads as the CPUs it may use, each thread is
//! kept on a CPU of its own for the length of the run. Why: some kernels
//! (seen on a 2-CPU virtual machine) put a thread that was just created or
//! woken up on the CPU of the thread that woke it, even with another CPU
//! idle, and leave it queued there until the next load-balancing tick
//! (4 ms). A light pipeline over 20 MB lasts 30 ms at two threads, so one
//! such wait costs a tenth of the run; with a CPU each, no thread ever waits
//! behind another of the same run.
//!
//! The thread that starts the run keeps the CPU it is on: it pins itself
//! there before it creates the others, lets each new thread (queued on that
//! same CPU) run at once, and each moves itself to its own CPU first thing.
//!
//! With fewer threads than CPUs nothing is pinned: the scheduler has room to
//! move threads away from other work. With more threads than CPUs they share
//! anyway. The threads are unpinned when the run ends.

/// The CPUs of a run's threads, one each; `None` when nothing is pinned.
#[derive(Debug)]
pub(crate) struct Placement {
    #[cfg(target_os = "linux")]
    imp: linux::Placement,
}

impl Placement {
    /// A CPU each for `threads` threads, if that is exactly the number of
    /// CPUs this process may use (and more than one).
    pub(crate) fn one_cpu_each(threads: usize) -> Option<Placement> {
        #[cfg(target_os = "linux")]
        {
            linux::Placement::one_cpu_each(threads).map(|imp| Placement { imp })
        }
        #[cfg(not(target_os = "linux"))]
        {
            let _ = threads;
            None
        }
    }

    /// Moves the calling thread to the CPU of thread `index` now, and keeps
    /// it there; thread 0 is the one that made the placement, on its own
    /// CPU. A thread that cannot be pinned may run anywhere.
    pub(crate) fn pin(&self, index: usize) {
        #[cfg(target_os = "linux")]
        self.imp.pin(index);
        #[cfg(not(target_os = "linux"))]
        let _ = index;
    }

    /// Lets the calling thread run on any of its CPUs again.
    pub(crate) fn unpin(&self) {
        #[cfg(target_os = "linux")]
        self.imp.unpin();
    }
}

#[cfg(target_os = "linux")]
mod linux {
    use nix::sched::{CpuSet, sched_getaffinity, sched_getcpu, sched_setaffinity};
    use nix::unistd::Pid;

    /// Pid 0 is the calling thread.
    const THIS_THREAD: Pid = Pid::from_raw(0);

    #[derive(Debug)]
    pub(super) struct Placement {
        cpus: Vec<usize>,
        allowed: CpuSet,
    }

    impl Placement {
        pub(super) fn one_cpu_each(threads: usize) -> Option<Placement> {
            let allowed = sched_getaffinity(THIS_THREAD).ok()?;
            let mut cpus: Vec<usize> =
                (0..CpuSet::count()).filter(|&cpu| allowed.is_set(cpu).unwrap_or(false)).collect();
            // Thread 0 (the caller) keeps the CPU it is on.
            if let Ok(here) = sched_getcpu()
                && let Some(at) = cpus.iter().position(|&cpu| cpu == here)
            {
                cpus[..=at].rotate_right(1);
            }
            (threads > 1 && threads == cpus.len()).then_some(Placement { cpus, allowed })
        }

        pub(super) fn pin(&self, index: usize) {
            let mut one = CpuSet::new();
            let pinned = self
                .cpus
                .get(index)
                .is_some_and(|&cpu| one.set(cpu).is_ok() && sched_setaffinity(THIS_THREAD, &one).is_ok());
            // A thread created by a pinned one starts on its CPU alone.
            if !pinned {
                self.unpin();
            }
        }

        pub(super) fn unpin(&self) {
            let _ = sched_setaffinity(THIS_THREAD, &self.allowed);
        }
    }
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use nix::sched::sched_getaffinity;
    use nix::unistd::Pid;

    use super::Placement;

    fn cpus_of_this_thread() -> Vec<usize> {
        let set = sched_getaffinity(Pid::from_raw(0)).expect("affinity");
        (0..nix::sched::CpuSet::count()).filter(|&c| set.is_set(c).unwrap_or(false)).collect()
    }

    #[test]
    fn pins_only_when_there_is_a_thread_per_cpu() {
        let cpus = cpus_of_this_thread();
        assert!(Placement::one_cpu_each(1).is_none());
        assert!(Placement::one_cpu_each(cpus.len() + 1).is_none());
        if cpus.len() > 1 {
            assert!(Placement::one_cpu_each(cpus.len() - 1).is_none());
        }
    }

    #[test]
    fn each_thread_gets_a_cpu_of_its_own_until_unpinned() {
        let all = cpus_of_this_thread();
        let Some(placement) = Placement::one_cpu_each(all.len()) else { return };
        // In a thread of its own, so the test harness's thread keeps its CPUs.
        std::thread::spawn(move || {
            let mut seen = Vec::new();
            for index in 0..all.len() {
                placement.pin(index);
                let one = cpus_of_this_thread();
                assert_eq!(one.len(), 1, "thread {index} on {one:?}");
                assert!(all.contains(&one[0]) && !seen.contains(&one[0]), "thread {index} on {one:?}");
                seen.push(one[0]);
            }
            placement.unpin();
            assert_eq!(cpus_of_this_thread(), all);
        })
        .join()
        .expect("the pinned thread");
    }
}
