/** Peak resident set size of this process so far, in MiB (the kernel's high-water mark, so nothing is missed between samples). */
export function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}
