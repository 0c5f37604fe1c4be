// Types of the ARN sub-grammar: `arn:partition:service:region:account:resource` (spec §1.7, §2.9).

/** The six colon-separated components; `resource` is everything after the fifth colon. */
export interface Arn {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly account: string;
  readonly resource: string;
}
