import { describe, expect, it } from "vitest";
import { withOpenForm } from "@/lib/form-links";
import { moderateCreditForm, resolveReportForm, suspendForm } from "@/lib/schemas/moderation-forms";

describe("the moderation forms' schemas", () => {
  it("ends a suspension at the last second of the chosen day in Paris, summer or winter; an empty date is none", () => {
    const parse = (until: string) => suspendForm.parse({ userId: "7", until, reason: "Spam", returnTo: "/u/7" }).until;
    expect(new Date(parse("2099-01-15")!).toISOString()).toBe("2099-01-15T22:59:59.000Z");
    expect(new Date(parse("2099-07-15")!).toISOString()).toBe("2099-07-15T21:59:59.000Z");
    expect(parse("")).toBeNull();
    expect(suspendForm.safeParse({ userId: "7", until: "2020-01-01", reason: "Spam" }).error?.issues[0].message).toBe("La date de fin doit être dans le futur.");
  });

  it("takes an empty reason for none when dismissing, and requires one to hide", () => {
    expect(resolveReportForm.parse({ reportId: "3", action: "DISMISS", reason: "", returnTo: "/moderation" })).toMatchObject({ reportId: 3, action: "DISMISS", reason: undefined });
    expect(resolveReportForm.safeParse({ reportId: "3", action: "HIDE", reason: "" }).success).toBe(false);
  });

  it("requires a reason to void a credit, and takes an empty one for none when restoring", () => {
    expect(moderateCreditForm.parse({ creditId: "5", action: "VOID", reason: " Comptes multiples ", returnTo: "/t/x?credits=3" })).toEqual({
      creditId: 5, action: "VOID", reason: "Comptes multiples", returnTo: "/t/x?credits=3",
    });
    expect(moderateCreditForm.safeParse({ creditId: "5", action: "VOID", reason: "" }).error?.issues.map((issue) => issue.message)).toEqual(["Indiquez la raison."]);
    expect(moderateCreditForm.parse({ creditId: "5", action: "RESTORE", reason: "", returnTo: "/t/x" })).toMatchObject({ action: "RESTORE", reason: undefined });
    expect(moderateCreditForm.safeParse({ creditId: "5", action: "DELETE", returnTo: "/t/x" }).success).toBe(false);
  });

  it("comes back only to a path of this site, and opens a form by the address", () => {
    expect(suspendForm.parse({ userId: "7", until: "", reason: "x", returnTo: "https://evil.example/" }).returnTo).toBe("/");
    expect(withOpenForm("/moderation?status=OPEN", "masquer-4")).toBe("/moderation?status=OPEN&ouvrir=masquer-4");
  });
});
