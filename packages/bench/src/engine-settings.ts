// Engine settings the benchmark measures as steps of their own, never silently: the variant
// `<wiring>+<setting>` is that wiring's server started with the setting's V8 flags, compared at
// saturation with the same wiring without them. A server's defaults change only where such a
// step shows a gain worth its memory. A setting must be one Node takes in NODE_OPTIONS (which is
// how a Node server gets it): Node refuses `--single-threaded-gc` there and exits with code 9.
export const ENGINE_SETTINGS = {
  /** A larger young generation: fewer scavenges for the garbage each call leaves behind. */
  'semi-space-64': {
    flags: ['--max-semi-space-size=64'],
    about: "V8's young generation at up to 64 MiB a semi-space, so each call's short-lived garbage is scavenged less often",
  },
} as const satisfies Record<string, { flags: readonly string[]; about: string }>;

export type EngineSettingName = keyof typeof ENGINE_SETTINGS;
export const ENGINE_SETTING_NAMES = Object.keys(ENGINE_SETTINGS) as EngineSettingName[];
