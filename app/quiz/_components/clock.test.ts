import { describe, expect, it } from "vitest";
import { clockInWords, clockOffsetMs, crossedAnnouncement, formatClock, remainingMs } from "./clock";

describe("quiz clock", () => {
  it("takes the server's time at the midpoint of the round trip", () => {
    // Browser clock 1 hour behind; the request took 200 ms.
    const server = Date.parse("2030-01-01T12:00:00.100Z");
    const sent = server - 3_600_000 - 100;
    expect(clockOffsetMs(new Date(server).toISOString(), sent, sent + 200)).toBe(3_600_000);
  });

  it("counts down to the server's deadline whatever the browser's clock says", () => {
    const deadline = "2030-01-01T12:00:10.000Z";
    const serverNow = Date.parse("2030-01-01T12:00:00.000Z");
    for (const skew of [-86_400_000, -5_000, 0, 7_000, 3_600_000]) {
      const browserNow = serverNow + skew;
      expect(remainingMs(deadline, -skew, browserNow)).toBe(10_000);
    }
    expect(remainingMs(deadline, 0, Date.parse(deadline) + 1)).toBe(0);
  });

  it("shows whole seconds rounded up", () => {
    expect(formatClock(10_000)).toBe("0:10");
    expect(formatClock(9_001)).toBe("0:10");
    expect(formatClock(9_000)).toBe("0:09");
    expect(formatClock(1)).toBe("0:01");
    expect(formatClock(0)).toBe("0:00");
    expect(formatClock(-5)).toBe("0:00");
    expect(formatClock(245_000)).toBe("4:05");
    expect(formatClock(3_723_000)).toBe("1:02:03");
  });

  it("says the time in words", () => {
    expect(clockInWords(245_000)).toBe("4 minutes 5 seconds");
    expect(clockInWords(60_000)).toBe("1 minute");
    expect(clockInWords(3_601_000)).toBe("1 hour 1 second");
    expect(clockInWords(0)).toBe("0 seconds");
  });

  it("announces each threshold once, as the clock crosses it", () => {
    expect(crossedAnnouncement(61_000, 60_000)).toBe("1 minute left.");
    expect(crossedAnnouncement(60_000, 59_000)).toBeNull();
    expect(crossedAnnouncement(40_000, 9_500)).toBe("10 seconds left.");
    expect(crossedAnnouncement(11_000, 0)).toBeNull();
  });
});
