#if os(Linux)
import CMalloc
#endif

/// How the dashboard asks glibc's allocator to hold freed memory.
///
/// By default glibc keeps up to 128 KB free at the top of its heap and raises its threshold for serving large
/// blocks with their own mappings each time such a block is freed, so that the large arrays the dashboard makes
/// and drops (each model's lists, a period's judgements, earlier history) end up in the heap and stay resident
/// after they are freed. A fixed trim threshold turns that adjustment off: at 50,000 measures the session's
/// peak was 8-20 MB lower (`VmHWM`, the benchmark's key script, several runs each way).
enum MallocTuning {
    /// Free memory above this, at the top of the heap, goes back to the system.
    static let trimThreshold: Int32 = 1 << 20

    /// Applies the tuning; before the council is read, so that its allocations follow it.
    static func apply() {
        #if os(Linux)
        _ = mallopt(M_TRIM_THRESHOLD, trimThreshold)
        #endif
    }
}
