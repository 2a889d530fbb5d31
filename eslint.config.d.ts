// Types of eslint.config.js for the tests that read its layer table (test/architecture).
export type Layer = 'core' | 'codegen' | 'runtime' | 'lint' | 'sources' | 'report' | 'catalog' | 'app' | 'cli';
export declare const LAYERS: Record<Layer, readonly Layer[]>;
declare const config: unknown[];
export default config;
