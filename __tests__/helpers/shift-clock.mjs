// Preloaded with --import into the action's process: its clock runs CLOCK_OFFSET_MS away from the real one,
// as on a runner whose clock is wrong. Only Date is shifted; timers keep real time.
const offset = Number(process.env.CLOCK_OFFSET_MS ?? 0);
const RealDate = Date;
class ShiftedDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(RealDate.now() + offset);
    else super(...args);
  }
  static now() {
    return RealDate.now() + offset;
  }
}
globalThis.Date = ShiftedDate;
