// Preloaded with `node -r` by the benchmarks: prints the process's peak memory when it exits.
process.on('exit', () => process.stderr.write(`\nPEAK_RSS_KB ${process.resourceUsage().maxRSS}\n`));
