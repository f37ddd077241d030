import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import router from './router'
import { setUnauthorizedHandler } from './api/http'
import { useSessionStore } from './stores/session'
import './styles.css'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia)
app.use(router)

// A 401 on any request: the session is gone; sign in again, then come back.
setUnauthorizedHandler(() => {
  useSessionStore(pinia).clear()
  const cur = router.currentRoute.value
  if (cur.name !== 'login') {
    router.replace({ name: 'login', query: { redirect: cur.fullPath, expired: '1' } })
  }
})

app.mount('#app')
