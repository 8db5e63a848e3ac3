// The chart of a question's tally over time, as the server renders it: named and described for
// screen readers, a line per position in its colour and its own dashes, French dates, and the
// same numbers as a table.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { POSITION_FILL, POSITION_HEX } from "@/components/position-colours";
import { PositionHistoryChart } from "@/components/position-history-chart";
import type { PositionHistory } from "@/lib/position-history";

const NNBSP = "\u202f";
const POSITIONS: PositionHistory["positions"] = [
  { id: 11, label: "Pour", colour: "BLUE" },
  { id: 12, label: "Contre", colour: "ORANGE" },
  { id: 13, label: "Mitigé", colour: "YELLOW" },
];
const point = (start: string, [pour, contre, mitige]: number[]) => ({ start, counts: { 11: pour, 12: contre, 13: mitige } });

const render = (history: PositionHistory) => renderToStaticMarkup(createElement(PositionHistoryChart, { history }));
const all = (html: string, pattern: RegExp) => [...html.matchAll(pattern)].map((match) => match[1]);

const BY_DAY: PositionHistory = {
  granularity: "day",
  positions: POSITIONS,
  points: [point("2026-11-03", [1, 2, 1]), point("2026-11-04", [1, 2, 1]), point("2026-11-05", [3, 2, 0])],
};

describe("PositionHistoryChart", () => {
  it("is an image named by its title and described by a sentence of the movement", () => {
    const html = render(BY_DAY);
    expect(html).toMatch(/<svg role="img" aria-labelledby="([^"]+)" aria-describedby="([^"]+)"/);
    const [titleId, descriptionId] = html.match(/aria-labelledby="([^"]+)" aria-describedby="([^"]+)"/)!.slice(1);
    expect(html).toContain(`<title id="${titleId}">Évolution des positions, par jour</title>`);
    expect(html).toContain(
      `<desc id="${descriptionId}">Du 3 nov. 2026 au 5 nov. 2026${NNBSP}: «${NNBSP}Pour${NNBSP}» passe de 1 à 3 membres, ` +
        `«${NNBSP}Contre${NNBSP}» reste à 2 membres, «${NNBSP}Mitigé${NNBSP}» passe de 1 à 0 membre.</desc>`,
    );
    expect(html).toContain(">L’évolution des positions</h2>");
  });

  it("draws one line per position, in its colour and with dashes of its own, named in the legend", () => {
    const html = render(BY_DAY);
    const lines = html.match(/<g fill="none"[^>]*data-position="\d+">.*?<\/g>/g)!;
    expect(lines).toHaveLength(3);
    expect(lines.map((line) => line.match(/stroke="(#[0-9A-F]{6})"/)![1])).toEqual(["#0072B2", "#E69F00", "#F0E442"]);
    const dashes = lines.map((line) => line.match(/stroke-dasharray="([^"]+)"/)?.[1] ?? "solid");
    expect(new Set(dashes).size).toBe(3);
    // Three points: a start and two more segments, inside the plot.
    const path = lines[0].match(/ d="([^"]+)"/)![1];
    expect(path.match(/[ML]/g)).toEqual(["M", "L", "L"]);
    expect(all(html, /<li[^>]*><svg[^>]*aria-hidden="true">.*?<\/svg>([^<]+)<\/li>/g)).toEqual(["Pour", "Contre", "Mitigé"]);
  });

  it("labels the y axis with a few integers from 0 and the x axis with French dates", () => {
    const html = render({ ...BY_DAY, points: [point("2026-11-03", [7, 0, 0]), point("2026-11-04", [5, 1, 0])] });
    const labels = all(html, /<text[^>]*>([^<]+)<\/text>/g);
    expect(labels.filter((label) => /^\d+$/.test(label))).toEqual(["0", "2", "4", "6", "8"]);
    expect(labels.filter((label) => !/^\d+$/.test(label))).toEqual(["3 nov.", "4 nov."]);
  });

  it("writes the year under the axis when the series spans two", () => {
    const html = render({ granularity: "week", positions: POSITIONS, points: [point("2025-12-29", [1, 0, 0]), point("2026-01-05", [1, 1, 0])] });
    expect(html).toContain(">29 déc. 2025</text>");
    expect(html).toContain(">5 janv. 2026</text>");
  });

  it("holds the same numbers in a table that opens without JavaScript, a row per period", () => {
    const html = render(BY_DAY);
    expect(html).toMatch(/<details[^>]*><summary[^>]*>Voir les données du graphique<\/summary><table/);
    expect(html).toContain("<caption");
    expect(html).toContain(">Nombre de membres par position à la fin de chaque jour</caption>");
    expect(all(html, /<th scope="col"[^>]*>([^<]+)<\/th>/g)).toEqual(["Jour", "Pour", "Contre", "Mitigé"]);
    const rows = html.match(/<tbody>.*<\/tbody>/)![0].match(/<tr>.*?<\/tr>/g)!;
    expect(rows).toHaveLength(3);
    expect(all(rows[2], /<th scope="row"[^>]*><time dateTime="2026-11-05">([^<]+)<\/time>/g)).toEqual(["5 nov. 2026"]);
    expect(all(rows[2], /<td[^>]*>([^<]+)<\/td>/g)).toEqual(["3", "2", "0"]);
  });

  it("tells weeks as weeks", () => {
    const html = render({ granularity: "week", positions: POSITIONS, points: [point("2026-11-02", [0, 1, 0]), point("2026-11-09", [0, 1, 0]), point("2026-11-16", [2, 1, 0])] });
    expect(html).toContain(">Évolution des positions, par semaine</title>");
    expect(html).toContain(`De la semaine du 2 nov. 2026 à celle du 16 nov. 2026${NNBSP}: «${NNBSP}Pour${NNBSP}» passe de 0 à 2 membres`);
    expect(all(html, /<th scope="col"[^>]*>([^<]+)<\/th>/g)[0]).toBe("Semaine du");
    expect(html).toContain(">Nombre de membres par position à la fin de chaque semaine</caption>");
  });

  it("draws a single period across the whole plot, and says what it holds", () => {
    const html = render({ granularity: "day", positions: POSITIONS, points: [point("2026-11-03", [1, 0, 2])] });
    const paths = all(html, /<g fill="none"[^>]*data-position="\d+"><path d="([^"]+)"/g);
    expect(paths).toHaveLength(3);
    for (const path of paths) expect(path).toMatch(/^M40,[\d.]+H388$/);
    expect(html).toContain(`Le 3 nov. 2026${NNBSP}: «${NNBSP}Pour${NNBSP}» compte 1 membre, «${NNBSP}Contre${NNBSP}» compte 0 membre, «${NNBSP}Mitigé${NNBSP}» compte 2 membres.`);
    expect(html.match(/<tbody>.*<\/tbody>/)![0].match(/<tr>/g)).toHaveLength(1);
  });

  it("renders nothing for a question without any recorded stance", () => {
    expect(render({ granularity: "day", positions: POSITIONS, points: [] })).toBe("");
  });
});

describe("POSITION_HEX", () => {
  it("is the palette of the fills, as colour values", () => {
    for (const [colour, hex] of Object.entries(POSITION_HEX)) expect(`bg-[${hex}]`).toBe(POSITION_FILL[colour as keyof typeof POSITION_FILL]);
    expect(Object.values(POSITION_HEX).every((hex) => /^#[0-9A-F]{6}$/.test(hex))).toBe(true);
  });
});
