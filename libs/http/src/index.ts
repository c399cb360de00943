export * from './content-disposition';
export * from './internal-token.guard';
export * from './problem-http.filter';
