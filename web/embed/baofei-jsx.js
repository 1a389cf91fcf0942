// Nothing at run time: `baofei/jsx` is types for React projects (baofei-jsx.d.ts).
export {};
