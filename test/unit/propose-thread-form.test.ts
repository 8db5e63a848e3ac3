// The proposal form's rows as the API's body: which rows count, and where an error is said.
import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/form-state";
import { proposeThreadForm } from "@/lib/schemas/post-forms";

const form = (fields: Record<string, string>) => ({ title: "Une question à trancher ?", body: "Contexte", ...fields });
const errorsOf = (fields: Record<string, string>) => {
  const parsed = proposeThreadForm.safeParse(form(fields));
  return parsed.success ? {} : fieldErrorsOf(parsed.error.issues);
};
/** Four rows, as the form sends them: every colour select has a value. */
const rows = (...labels: string[]) =>
  Object.fromEntries(
    [0, 1, 2, 3].flatMap((index) => [
      [`positions.${index}.label`, labels[index] ?? ""],
      [`positions.${index}.description`, ""],
      [`positions.${index}.colour`, ["BLUE", "ORANGE", "BLUISH_GREEN", "REDDISH_PURPLE"][index]],
    ]),
  );

describe("the proposal form", () => {
  it("is an open question without rows, or with its four rows left blank", () => {
    expect(proposeThreadForm.parse(form({}))).toMatchObject({ kind: "OPEN", positions: [] });
    expect(proposeThreadForm.parse(form({ kind: "OPEN", ...rows() }))).toMatchObject({ kind: "OPEN", positions: [] });
  });

  it("keeps the rows written, in order, with their colours, and drops the blank rows after them", () => {
    const parsed = proposeThreadForm.parse(form({ kind: "POSITION", ...rows("Oui", "Non"), "positions.1.colour": "VERMILION", "positions.0.description": "Tout à fait" }));
    expect(parsed.positions).toEqual([
      { label: "Oui", description: "Tout à fait", colour: "BLUE" },
      { label: "Non", description: null, colour: "VERMILION" },
    ]);
  });

  it("says a blank row between two written ones is to be named, on that row's field", () => {
    expect(errorsOf({ kind: "POSITION", ...rows("Oui", "", "Non") })).toEqual({ "positions.1.label": "Nommez la position." });
  });

  it("names the row of a duplicate, and the rows' fieldset when there are too few", () => {
    expect(Object.keys(errorsOf({ kind: "POSITION", ...rows("Oui", "oui") }))).toEqual(["positions.1.label"]);
    expect(errorsOf({ kind: "POSITION", ...rows("Oui") })).toEqual({ positions: "Une prise de position offre au moins 2 positions." });
  });

  it("refuses rows written under an open question rather than dropping them", () => {
    expect(Object.keys(errorsOf({ kind: "OPEN", ...rows("Oui", "Non") }))).toEqual(["positions"]);
  });

  it("reads rows beyond the fourth not at all", () => {
    const parsed = proposeThreadForm.parse(form({ kind: "POSITION", ...rows("A", "B", "C", "D"), "positions.4.label": "E" }));
    expect(parsed.positions.map((position) => position.label)).toEqual(["A", "B", "C", "D"]);
  });

  it("keeps a question ouverte's facet rows written, in order, and drops the blank ones after them", () => {
    const parsed = proposeThreadForm.parse(
      form({ kind: "OPEN", ...rows(), ...facetRows("Risques", "Opportunités"), "facets.0.description": "Ce qui peut mal tourner" }),
    );
    expect(parsed.facets).toEqual([
      { label: "Risques", description: "Ce qui peut mal tourner" },
      { label: "Opportunités", description: null },
    ]);
    expect(proposeThreadForm.parse(form({ kind: "OPEN", ...facetRows() })).facets).toEqual([]);
  });

  it("says where a facet row is wrong: a single facet, a duplicate, a blank row between two, facets under a prise de position", () => {
    expect(Object.keys(errorsOf({ kind: "OPEN", ...facetRows("Risques") }))).toEqual(["facets"]);
    expect(Object.keys(errorsOf({ kind: "OPEN", ...facetRows("Données", "DONNÉES") }))).toEqual(["facets.1.label"]);
    expect(errorsOf({ kind: "OPEN", ...facetRows("Licence", "", "Code") })).toEqual({ "facets.1.label": "Nommez le thème." });
    expect(Object.keys(errorsOf({ kind: "POSITION", ...rows("Oui", "Non"), ...facetRows("Risques", "Opportunités") }))).toEqual(["facets"]);
  });
});

/** The four facet rows, as the form sends them. */
function facetRows(...labels: string[]) {
  return Object.fromEntries([0, 1, 2, 3].flatMap((index) => [[`facets.${index}.label`, labels[index] ?? ""], [`facets.${index}.description`, ""]]));
}
