import { countLabel, formatCalendarDay } from "@/lib/format";
import { formatCount } from "@/lib/numbers";
import type { HistoryPoint, HistoryPosition, PositionHistory } from "@/lib/position-history";
import { POSITION_HEX } from "./position-colours";

// The chart's own units: the SVG scales to the width it is given (viewBox), its text with it, so
// the width is a phone's (the text stays legible there) and the chart grows no wider than max-w-lg.
const WIDTH = 400;
const HEIGHT = 220;
const FONT_SIZE = 13;
const PLOT = { left: 40, right: WIDTH - 12, top: 10, bottom: HEIGHT - 30 };
/** Y ticks: 0 and at most this many steps above it, each step 1, 2 or 5 times a power of ten. */
const Y_STEPS_MAX = 4;
/** About the width of a character of the axis' labels, to space them. */
const CHARACTER_WIDTH = FONT_SIZE * 0.6;
const X_LABEL_GAP = 16;
/** Colour is never the only code: each position's line has a dash pattern of its own (a question has at most four). */
const DASHES = [undefined, "9 4", "2 4", "12 4 2 4"];
const LINE_WIDTH = 2.5;
/** A line edged in the text's colour stays visible on the page's background, pale yellow on white included. */
const EDGE_WIDTH = LINE_WIDTH + 1.5;

const TITLE_ID = "position-history-chart-title";
const DESCRIPTION_ID = "position-history-chart-description";
const HEADING_ID = "position-history-title";

const PERIOD_NAMES = { day: "jour", week: "semaine" } as const;
const membersOf = (point: HistoryPoint, position: HistoryPosition) => point.counts[position.id] ?? 0;
const members = (count: number) => countLabel(count, "membre", "membres");

/**
 * How a position question's tally moved, drawn on the server: a line per position (its colour and
 * its own dashes, named in the legend) over the days or weeks since the first stance, a sentence
 * that tells the movement to screen readers, and the numbers as a table that opens without
 * JavaScript. Nothing when no stance was ever taken.
 */
export function PositionHistoryChart({ history }: { history: PositionHistory }) {
  const { granularity, positions, points } = history;
  if (points.length === 0) return null;
  const yAxis = yAxisUpTo(Math.max(1, ...points.flatMap((point) => positions.map((position) => membersOf(point, position)))));
  const y = (count: number) => PLOT.bottom - (count / yAxis.top) * (PLOT.bottom - PLOT.top);
  // A single period is the whole width: its date under the middle.
  const x = (index: number) => (points.length === 1 ? (PLOT.left + PLOT.right) / 2 : PLOT.left + (index / (points.length - 1)) * (PLOT.right - PLOT.left));
  const withYear = points[0].start.slice(0, 4) !== points.at(-1)!.start.slice(0, 4);
  return (
    <section aria-labelledby={HEADING_ID} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <h2 id={HEADING_ID} className="text-lg font-semibold">
        L’évolution des positions
      </h2>
      <svg
        role="img"
        aria-labelledby={TITLE_ID}
        aria-describedby={DESCRIPTION_ID}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="h-auto w-full max-w-lg"
        fontSize={FONT_SIZE}
      >
        <title id={TITLE_ID}>{`Évolution des positions, par ${PERIOD_NAMES[granularity]}`}</title>
        <desc id={DESCRIPTION_ID}>{describeHistory(history)}</desc>
        <g className="text-slate-600 dark:text-slate-400" fill="currentColor" stroke="currentColor">
          {yAxis.ticks.map((tick) => (
            <g key={tick}>
              <line x1={PLOT.left} x2={PLOT.right} y1={y(tick)} y2={y(tick)} strokeOpacity={tick === 0 ? 1 : 0.25} />
              <text x={PLOT.left - 6} y={y(tick)} dy="0.35em" textAnchor="end" stroke="none">
                {formatCount(tick)}
              </text>
            </g>
          ))}
          {xLabels(points, withYear).map(({ index, label }) => (
            <text
              key={index}
              x={x(index)}
              y={PLOT.bottom + FONT_SIZE + 8}
              textAnchor={points.length === 1 ? "middle" : index === 0 ? "start" : index === points.length - 1 ? "end" : "middle"}
              stroke="none"
            >
              {label}
            </text>
          ))}
        </g>
        {positions.map((position, order) => {
          // The tally of a single period held through it.
          const d =
            points.length === 1
              ? `M${PLOT.left},${y(membersOf(points[0], position))}H${PLOT.right}`
              : points.map((point, index) => `${index === 0 ? "M" : "L"}${round(x(index))},${round(y(membersOf(point, position)))}`).join("");
          return <PositionLine key={position.id} d={d} colour={POSITION_HEX[position.colour]} dashes={DASHES[order]} positionId={position.id} />;
        })}
      </svg>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-label="Légende du graphique">
        {positions.map((position, order) => (
          <li key={position.id} className="inline-flex items-center gap-2">
            <svg viewBox="0 0 32 8" className="h-2 w-8" aria-hidden="true">
              <PositionLine d="M0,4H32" colour={POSITION_HEX[position.colour]} dashes={DASHES[order]} />
            </svg>
            {position.label}
          </li>
        ))}
      </ul>
      <details className="text-sm">
        <summary className="cursor-pointer font-medium text-blue-700 underline dark:text-blue-300">Voir les données du graphique</summary>
        <table className="mt-2 border-collapse">
          <caption className="mb-1 text-start">{`Nombre de membres par position à la fin de chaque ${PERIOD_NAMES[granularity]}`}</caption>
          <thead>
            <tr>
              <th scope="col" className="border-b border-slate-300 px-2 py-1 text-start dark:border-slate-700">
                {granularity === "day" ? "Jour" : "Semaine du"}
              </th>
              {positions.map((position) => (
                <th key={position.id} scope="col" className="border-b border-slate-300 px-2 py-1 text-end dark:border-slate-700">
                  {position.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {points.map((point) => (
              <tr key={point.start}>
                <th scope="row" className="px-2 py-1 text-start font-normal">
                  <time dateTime={point.start}>{formatCalendarDay(point.start)}</time>
                </th>
                {positions.map((position) => (
                  <td key={position.id} className="px-2 py-1 text-end tabular-nums">
                    {formatCount(membersOf(point, position))}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}

function PositionLine({ d, colour, dashes, positionId }: { d: string; colour: string; dashes: string | undefined; positionId?: number }) {
  return (
    <g fill="none" strokeDasharray={dashes} data-position={positionId}>
      <path d={d} stroke="currentColor" strokeWidth={EDGE_WIDTH} />
      <path d={d} stroke={colour} strokeWidth={LINE_WIDTH} />
    </g>
  );
}

const round = (value: number) => Math.round(value * 10) / 10;

/** The top of the y axis and its ticks: integers, 0 to at least `max`. */
function yAxisUpTo(max: number) {
  for (let magnitude = 1; ; magnitude *= 10) {
    for (const factor of [1, 2, 5]) {
      const step = factor * magnitude;
      const steps = Math.ceil(max / step);
      if (steps <= Y_STEPS_MAX) return { top: steps * step, ticks: Array.from({ length: steps + 1 }, (_, index) => index * step) };
    }
  }
}

/** As many dates under the x axis as fit, evenly spread, the first and the last among them. */
function xLabels(points: HistoryPoint[], withYear: boolean) {
  const labels = points.map((point) => formatCalendarDay(point.start, withYear));
  const widest = Math.max(...labels.map((label) => label.length)) * CHARACTER_WIDTH + X_LABEL_GAP;
  const count = Math.min(points.length, Math.max(2, Math.floor((PLOT.right - PLOT.left) / widest)));
  const indexes = count === 1 ? [0] : Array.from({ length: count }, (_, slot) => Math.round((slot * (points.length - 1)) / (count - 1)));
  return indexes.map((index) => ({ index, label: labels[index] }));
}

/** « Du 3 nov. 2026 au 17 nov. 2026 : « Pour » passe de 3 à 7 membres, « Contre » reste à 2 membres. » */
function describeHistory({ granularity, positions, points }: PositionHistory) {
  const first = points[0];
  const last = points.at(-1)!;
  const [from, to] = [formatCalendarDay(first.start), formatCalendarDay(last.start)];
  if (points.length === 1) {
    const when = granularity === "day" ? `Le ${from}` : `La semaine du ${from}`;
    return `${when} : ${positions.map((position) => `« ${position.label} » compte ${members(membersOf(last, position))}`).join(", ")}.`;
  }
  const when = granularity === "day" ? `Du ${from} au ${to}` : `De la semaine du ${from} à celle du ${to}`;
  const moves = positions.map((position) => {
    const [before, after] = [membersOf(first, position), membersOf(last, position)];
    const movement = before === after ? `reste à ${members(after)}` : `passe de ${formatCount(before)} à ${members(after)}`;
    return `« ${position.label} » ${movement}`;
  });
  return `${when} : ${moves.join(", ")}.`;
}
