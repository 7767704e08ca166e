import { styleText } from 'node:util';
import { prettyFactory, type MessageFormatFunc } from 'pino-pretty';

/** How `npm start` shows the apps' log lines: `pretty` for a person at a terminal, `json` as the apps wrote them. */
export type LogFormat = 'pretty' | 'json';

export interface ConsoleSettings {
  readonly format: LogFormat;
  readonly colour: boolean;
}

/**
 * `LOG_FORMAT` decides when set; otherwise production keeps the apps' JSON lines for a log
 * collector and development gets readable ones. Colours only on a terminal, never with NO_COLOR
 * (https://no-color.org: any non-empty value).
 */
export function consoleSettings(env: NodeJS.ProcessEnv, isTTY: boolean): ConsoleSettings {
  const chosen = env.LOG_FORMAT;
  if (chosen !== undefined && chosen !== 'pretty' && chosen !== 'json') throw new Error(`LOG_FORMAT must be pretty or json (got "${chosen}")`);
  return { format: chosen ?? (env.NODE_ENV === 'production' ? 'json' : 'pretty'), colour: isTTY && !env.NO_COLOR };
}

// Colorette's names (pino-pretty's) that util.styleText knows too; red and yellow are left to the error and warn levels.
const APP_COLOURS = {
  applicants: 'cyan',
  listings: 'magenta',
  landlords: 'green',
  statistics: 'blue',
  messages: 'cyanBright',
  web: 'magentaBright',
} as const;
type AppColour = (typeof APP_COLOURS)[keyof typeof APP_COLOURS];

/** Each app keeps its colour from run to run, whatever order the apps start or restart in. */
export function colourOf(app: string): AppColour {
  return (APP_COLOURS as Record<string, AppColour>)[app] ?? 'blueBright';
}

/** Wide enough for every app's name, so messages start in one column. */
const NAME_WIDTH = 10;

interface RequestLine {
  readonly req?: { method?: string; url?: string };
  readonly res?: { statusCode?: number };
  readonly responseTime?: number;
}

/**
 * One app's log lines (pino JSON, one per line) as a person reads them:
 * `listings   [12:04:31.207] INFO: [EventSourcing] message  GET /listings 200 4 ms  corr=…`,
 * an error's stack on the lines below. A line that is not JSON (a crash before the logger
 * was up) is shown as it is. Every line starts with the app's name, in the app's colour.
 */
export function appLogFormatter(app: string, { colour }: Pick<ConsoleSettings, 'colour'>): (line: string) => string {
  const messageFormat: MessageFormatFunc = (log, messageKey, _level, { colors }) => {
    const { req, res, responseTime } = log as RequestLine;
    const context = typeof log.context === 'string' ? `${colors.gray(`[${log.context}]`)} ` : '';
    const request = req?.method ? `  ${req.method} ${req.url ?? ''}${res?.statusCode ? ` ${res.statusCode}` : ''}${responseTime !== undefined ? ` ${responseTime} ms` : ''}` : '';
    const correlation = typeof log.correlationId === 'string' ? colors.gray(`  corr=${log.correlationId}`) : '';
    return `${context}${String(log[messageKey] ?? '')}${request}${correlation}`;
  };
  const pretty = prettyFactory({
    colorize: colour,
    translateTime: 'SYS:HH:MM:ss.l',
    // What the message line already says, and what a person at a terminal does not need (response headers, pid).
    ignore: 'pid,hostname,name,context,correlationId,req,res,responseTime',
    messageFormat,
    singleLine: true,
    // pino-pretty's level colours, but the message in the terminal's own: the app's name and the level carry the colours.
    customColors: 'trace:gray,debug:blue,info:green,warn:yellow,error:red,fatal:bgRed,message:reset',
  });
  const name = colour ? styleText(colourOf(app), app.padEnd(NAME_WIDTH), { validateStream: false }) : app.padEnd(NAME_WIDTH);
  return (line) => `${name} ${line.startsWith('{') ? pretty(line) : `${line}\n`}`;
}
