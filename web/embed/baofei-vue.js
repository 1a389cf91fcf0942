// Nothing at run time: `baofei/vue` is types for Vue projects (baofei-vue.d.ts).
export {};
