/** The consumer group of an app's bus-fed read model: the live consumer's, whose dead letters a rebuild skips too. */
export const busProjectionGroup = (app: string, projection: { readonly name: string }) => `${app}.${projection.name}`;
